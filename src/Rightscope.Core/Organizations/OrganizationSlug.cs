using System.Text.RegularExpressions;

namespace Rightscope.Core.Organizations;

/// <summary>
/// The stable, URL-safe name of an organization (<c>/o/{slug}/…</c>, <c>--org SLUG</c>).
/// </summary>
public static partial class OrganizationSlug
{
    public const int MinLength = 2;
    public const int MaxLength = 63;

    // Words that would shadow our own routes or confuse readers of a URL.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "admin", "api", "account", "accounts", "new", "setup", "report", "benchmark", "open-data", "healthz", "static",
    };

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    public static SlugProblem? Validate(string? slug)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            return SlugProblem.Missing;
        }

        if (slug.Length < MinLength || slug.Length > MaxLength)
        {
            return SlugProblem.Length;
        }

        if (!Shape().IsMatch(slug) || slug.Contains("--", StringComparison.Ordinal))
        {
            return SlugProblem.Characters;
        }

        return Reserved.Contains(slug) ? SlugProblem.Reserved : null;
    }

    public static string Describe(SlugProblem problem) => problem switch
    {
        SlugProblem.Missing => "a slug is required",
        SlugProblem.Length => $"a slug has {MinLength} to {MaxLength} characters",
        SlugProblem.Characters => "a slug uses only lowercase letters a-z, digits and single hyphens, and starts and ends with a letter or digit",
        SlugProblem.Reserved => "this slug is reserved",
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };
}

public enum SlugProblem
{
    Missing,
    Length,
    Characters,
    Reserved,
}
