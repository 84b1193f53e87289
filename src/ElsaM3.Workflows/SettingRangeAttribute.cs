using System.ComponentModel.DataAnnotations;

namespace ElsaM3.Workflows;

/// <summary>
/// A <see cref="RangeAttribute"/> whose <see cref="ValidationAttribute.ErrorMessage"/> is kept by the generated
/// options validators (they replace the plain attribute with a copy that always says "The field X must be between…";
/// a message naming the setting, e.g. <c>ElsaM3:Retention:PageSize</c>, is what an operator needs).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingRangeAttribute : RangeAttribute
{
    public SettingRangeAttribute(int minimum, int maximum) : base(minimum, maximum) { }

    public SettingRangeAttribute(double minimum, double maximum) : base(minimum, maximum) { }

    public SettingRangeAttribute(Type type, string minimum, string maximum) : base(type, minimum, maximum) { }
}
