using Rightscope.Cli;

namespace Rightscope.Tests.Cli;

public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("frobnicate")]
    [InlineData("serve", "--dmeo")]
    [InlineData("--urls")]
    public async Task A_mistyped_command_fails_with_a_reason_instead_of_starting_a_server(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var run = RightscopeCli.RunAsync(args, new CliIo(new StringReader(""), output, error));
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));

        Assert.Same(run, finished);
        Assert.NotEqual(0, await run);
        Assert.NotEmpty(error.ToString().Trim());
    }
}
