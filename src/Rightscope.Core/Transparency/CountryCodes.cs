using System.Collections.Frozen;
using Rightscope.Core.Companies;

namespace Rightscope.Core.Transparency;

/// <summary>
/// Reads the country of a government request or a count: an ISO 3166-1 code (alpha-2, or alpha-3 converted to
/// alpha-2), or <see cref="None"/> for counts a company published without a country. Codes that published reports
/// often use but ISO 3166-1 does not assign (<c>UK</c>, <c>EL</c>, <c>XK</c>, <c>Global</c>…) are never guessed: they
/// are refused with a suggested mapping, and mapped only through a <see cref="CountryMap"/> the user gave.
/// </summary>
public static class CountryCodes
{
    /// <summary>The code of "not attributed to a country" (a worldwide total, or a territory without an ISO code).</summary>
    public const string None = "none";

    private static readonly FrozenDictionary<string, string> Suggestions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["UK"] = "GB",
        ["EL"] = "GR",
        ["XK"] = None,
        ["XKX"] = None,
        ["Global"] = None,
        ["Worldwide"] = None,
        ["WW"] = None,
        ["International"] = None,
        ["EU"] = None,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Resolves <paramref name="text"/> after applying <paramref name="map"/>: the alpha-2 code, or <see cref="None"/>.
    /// On failure, the result's suggestion is the mapping target to propose (an alpha-2 code or <see cref="None"/>)
    /// when one is known.
    /// </summary>
    public static CountryResult Resolve(string? text, CountryMap map)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            return CountryResult.Missing;
        }

        if (map.TryGet(value, out var mapped))
        {
            value = mapped;
        }

        if (string.Equals(value, None, StringComparison.OrdinalIgnoreCase))
        {
            return new CountryResult(CountryStatus.Valid, None, null);
        }

        if (Country.TryParse(value, out var country))
        {
            return new CountryResult(CountryStatus.Valid, country.Alpha2, null);
        }

        if (Suggestions.TryGetValue(value, out var suggested))
        {
            return new CountryResult(CountryStatus.NotIso, null, suggested);
        }

        var byName = Country.All.FirstOrDefault(c =>
            string.Equals(c.NameEn, value, StringComparison.OrdinalIgnoreCase) || string.Equals(c.NameZhHans, value, StringComparison.Ordinal));
        return new CountryResult(CountryStatus.Unknown, null, byName?.Alpha2);
    }

    /// <summary>The country's name in <paramref name="language"/>, or the "not attributed" label for <see cref="None"/>.</summary>
    public static string Name(string code, string language, string noneLabel) =>
        code == None ? noneLabel : Country.TryParse(code, out var country) ? country.Name(language) : code;
}

public enum CountryStatus
{
    Valid,

    /// <summary>No value.</summary>
    Missing,

    /// <summary>A code published reports use that ISO 3166-1 does not assign; <see cref="CountryResult.Suggestion"/> says what it usually means.</summary>
    NotIso,

    /// <summary>Not a code at all; a suggestion is given when the text is a country's name.</summary>
    Unknown,
}

public sealed record CountryResult(CountryStatus Status, string? Code, string? Suggestion)
{
    public static CountryResult Missing { get; } = new(CountryStatus.Missing, null, null);
}

/// <summary>
/// The user's own mapping of non-ISO country values, each <c>FROM=TO</c> (<c>UK=GB</c>, <c>Global=none</c>); TO must be
/// an ISO 3166-1 code or <c>none</c>. Entries come from <c>--country-map</c> options or a form field (one per line or
/// separated by semicolons or commas).
/// </summary>
public sealed class CountryMap
{
    private readonly Dictionary<string, string> _entries;

    private CountryMap(Dictionary<string, string> entries, IReadOnlyList<string> errors)
    {
        _entries = entries;
        Errors = errors;
    }

    public static CountryMap Empty { get; } = new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), []);

    /// <summary>The entries that could not be read, as written; a map with errors must not be used.</summary>
    public IReadOnlyList<string> Errors { get; }

    public IReadOnlyDictionary<string, string> Entries => _entries;

    public bool TryGet(string from, out string to) => _entries.TryGetValue(from.Trim(), out to!);

    public static CountryMap Parse(IEnumerable<string> entries)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        foreach (var raw in entries.SelectMany(e => e.Split([';', ',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var at = raw.IndexOf('=');
            var from = at < 0 ? "" : raw[..at].Trim();
            var to = at < 0 ? "" : raw[(at + 1)..].Trim();
            if (from.Length == 0 || to.Length == 0 || map.ContainsKey(from))
            {
                errors.Add(raw);
                continue;
            }

            if (string.Equals(to, CountryCodes.None, StringComparison.OrdinalIgnoreCase))
            {
                map[from] = CountryCodes.None;
            }
            else if (Country.TryParse(to, out var country))
            {
                map[from] = country.Alpha2;
            }
            else
            {
                errors.Add(raw);
            }
        }

        return new CountryMap(map, errors);
    }

    public static CountryMap Parse(string? text) => Parse(text is null ? [] : [text]);

    public override string ToString() => string.Join("; ", _entries.Select(e => $"{e.Key}={e.Value}"));
}
