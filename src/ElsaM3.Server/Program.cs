using ElsaM3.Identity.Commands;
using ElsaM3.Server.Hosting;

if (IdentityCommands.TryRun(args, Console.In, Console.Out, Console.Error) is { } exitCode) return exitCode;
if (args is [MigrateCommand.Name, ..]) return await MigrateCommand.RunAsync(args[1..], Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
builder.AddElsaM3Server();

var app = builder.Build();
app.UseElsaM3Server();
app.Run();
return 0;

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
