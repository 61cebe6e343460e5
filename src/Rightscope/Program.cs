using Rightscope.Cli;

return await RightscopeCli.RunAsync(args, CliIo.Terminal);

/// <summary>The entry point; public so that <c>WebApplicationFactory&lt;Program&gt;</c> can find the assembly.</summary>
public partial class Program;
