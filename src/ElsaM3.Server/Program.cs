using ElsaM3.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddElsaM3Server();

var app = builder.Build();
app.UseElsaM3Server();
app.Run();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
