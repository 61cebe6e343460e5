using Rightscope.Load;

// Public submission load generator; see LoadOptions.Usage and bench/submissions.sh.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (OptionException e)
{
    if (e.Message.Length > 0)
    {
        await Console.Error.WriteLineAsync(e.Message);
    }

    await Console.Error.WriteLineAsync(LoadOptions.Usage);
    return e.Message.Length > 0 ? 64 : 0;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return options.Mode == "store"
    ? await StoreLoad.RunAsync(options, cancel.Token)
    : await HttpLoad.RunAsync(options, cancel.Token);
