using System.Text.Json;

namespace Rightscope.Core.Remedy;

/// <summary>
/// The violation types of a case as stored: a JSON array of <see cref="ViolationType"/> names, each once, in the
/// order of the list, so equal selections are stored alike.
/// </summary>
public static class ViolationTypeList
{
    /// <summary>Room for every type once (the longest name is 21 characters).</summary>
    public const int MaxJsonLength = 400;

    public static string Write(IEnumerable<ViolationType> types) =>
        JsonSerializer.Serialize(types.Distinct().Order().Select(t => t.ToString()).ToList());

    /// <summary>The stored types; a name no longer on the list is left out rather than failing a page.</summary>
    public static IReadOnlyList<ViolationType> Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        var names = JsonSerializer.Deserialize<List<string>>(json) ?? [];
        return [.. names
            .Select(n => Enum.TryParse<ViolationType>(n, ignoreCase: false, out var type) && Enum.IsDefined(type) ? type : (ViolationType?)null)
            .OfType<ViolationType>()
            .Distinct()
            .Order()];
    }
}
