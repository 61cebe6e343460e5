using System.Globalization;
using System.Text.Json;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Methodologies.Loading;

namespace Rightscope.Features.Assessments;

/// <summary>
/// A salient impact as entered in a form or sent to the API, and its validation against the reference catalogs and
/// the methodology's impact model. Errors carry a field name and a localization key, so each caller words them
/// in its own way.
/// </summary>
public sealed class SalientImpactForm
{
    public const string ActualValue = "actual";
    public const string PotentialValue = "potential";

    public string? RightKey { get; set; }

    public List<string> Groups { get; set; } = [];

    public string? Involvement { get; set; }

    public string? Description { get; set; }

    /// <summary><see cref="ActualValue"/> or <see cref="PotentialValue"/>.</summary>
    public string? Occurrence { get; set; }

    public string? Scale { get; set; }

    public string? Scope { get; set; }

    public string? Irremediability { get; set; }

    public string? Likelihood { get; set; }

    public sealed record Error(string Field, string Key, params object[] Arguments);

    /// <summary>The involvement keys of the <c>involvement</c> reference catalog, in the engine's terms.</summary>
    public static readonly IReadOnlyDictionary<string, Involvement> InvolvementKeys = new Dictionary<string, Involvement>(StringComparer.Ordinal)
    {
        ["cause"] = Core.Methodologies.Involvement.Cause,
        ["contribute"] = Core.Methodologies.Involvement.Contribute,
        ["directly-linked"] = Core.Methodologies.Involvement.DirectlyLinked,
    };

    public static string KeyOf(Involvement involvement) => InvolvementKeys.First(pair => pair.Value == involvement).Key;

    public static SalientImpactForm From(SalientImpact impact) => new()
    {
        RightKey = impact.RightKey,
        Groups = [.. impact.GroupKeys],
        Involvement = KeyOf(impact.Involvement),
        Description = impact.Description,
        Occurrence = impact.Actual ? ActualValue : PotentialValue,
        Scale = impact.Scale.ToString(CultureInfo.InvariantCulture),
        Scope = impact.Scope.ToString(CultureInfo.InvariantCulture),
        Irremediability = impact.Irremediability.ToString(CultureInfo.InvariantCulture),
        Likelihood = impact.Likelihood?.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Checks every field and, when all are valid, copies them onto <paramref name="target"/>; on any error the
    /// target is left untouched.
    /// </summary>
    public IReadOnlyList<Error> ApplyTo(SalientImpact target, ReferenceCatalog rights, ReferenceCatalog groups, ImpactModel model)
    {
        var errors = new List<Error>();
        var right = RightKey?.Trim() ?? "";
        if (rights.Find(right) is null)
        {
            errors.Add(new Error(nameof(RightKey), "Impact.RightInvalid"));
        }

        var groupKeys = Groups.Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (groupKeys.Count == 0)
        {
            errors.Add(new Error(nameof(Groups), "Impact.GroupsRequired"));
        }
        else if (groupKeys.Count > SalientImpact.MaxGroups || groupKeys.Any(g => groups.Find(g) is null))
        {
            errors.Add(new Error(nameof(Groups), "Impact.GroupsInvalid", SalientImpact.MaxGroups));
        }

        if (Involvement is null || !InvolvementKeys.TryGetValue(Involvement, out var involvement))
        {
            involvement = default;
            errors.Add(new Error(nameof(Involvement), "Impact.InvolvementInvalid"));
        }

        var description = Description?.Trim() ?? "";
        if (description.Length is 0 or > SalientImpact.DescriptionMaxLength)
        {
            errors.Add(new Error(nameof(Description), "Impact.DescriptionInvalid", SalientImpact.DescriptionMaxLength));
        }

        bool? actual = Occurrence switch
        {
            ActualValue => true,
            PotentialValue => false,
            _ => null,
        };
        if (actual is null)
        {
            errors.Add(new Error(nameof(Occurrence), "Impact.OccurrenceInvalid"));
        }

        var scale = OneToFive(Scale, nameof(Scale), errors);
        var scope = OneToFive(Scope, nameof(Scope), errors);
        var irremediability = OneToFive(Irremediability, nameof(Irremediability), errors);
        int? likelihood = null;
        // Likelihood only matters for a potential impact, and only when the methodology uses it (UNGP 14, 24).
        if (actual == false && model.Likelihood)
        {
            likelihood = OneToFive(Likelihood, nameof(Likelihood), errors);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        target.RightKey = right;
        target.Groups = JsonSerializer.Serialize(groupKeys);
        target.Involvement = involvement;
        target.Description = description;
        target.Actual = actual!.Value;
        target.Scale = scale;
        target.Scope = scope;
        target.Irremediability = irremediability;
        target.Likelihood = likelihood;
        return errors;
    }

    private static int OneToFive(string? value, string field, List<Error> errors)
    {
        if (int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 5)
        {
            return number;
        }

        errors.Add(new Error(field, "Impact.OneToFive"));
        return 0;
    }
}
