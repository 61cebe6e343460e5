using System.Globalization;

namespace Rightscope.Core.Methodologies.Loading;

/// <summary><c>MAJOR.MINOR.PATCH</c>, compared numerically (1.10.0 is after 1.9.0).</summary>
public readonly record struct SemanticVersion(int Major, int Minor, int Patch) : IComparable<SemanticVersion>
{
    public static bool TryParse(string? text, out SemanticVersion version)
    {
        version = default;
        if (text is null || !YamlDocument.VersionPattern().IsMatch(text))
        {
            return false;
        }

        var parts = text.Split('.');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var patch))
        {
            return false;
        }

        version = new(major, minor, patch);
        return true;
    }

    /// <summary>Orders versions; a version that does not parse sorts before every one that does.</summary>
    public static SemanticVersion OrderKey(string version) => TryParse(version, out var parsed) ? parsed : new(-1, -1, -1);

    public int CompareTo(SemanticVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : Patch.CompareTo(other.Patch);
}
