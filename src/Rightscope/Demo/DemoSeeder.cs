namespace Rightscope.Demo;

public sealed class DemoSeeder
{
    public Task SeedAsync(Hosting.OperatorConsole console, CancellationToken cancellationToken) => Task.CompletedTask;
}
