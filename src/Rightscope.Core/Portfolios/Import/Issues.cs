namespace Rightscope.Core.Portfolios.Import;

internal static class Issues
{
    private static readonly IReadOnlyDictionary<string, string> NoArguments = new Dictionary<string, string>();

    public static IReadOnlyDictionary<string, string> Arguments(params (string Key, string Value)[] arguments) =>
        arguments.Length == 0 ? NoArguments : arguments.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);

    public static ImportIssue File(ImportIssueCode code, params (string Key, string Value)[] arguments) =>
        new(0, null, code, Arguments(arguments), IssueSeverity.Error);

    public static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
