using System.Text.Json;
using Rightscope.Core.Methodologies.Loading;
using Rightscope.Core.Remedy;

namespace Rightscope.Features.Remedy;

/// <summary>
/// The triage metadata of a case as entered in the form, and its validation against the reference catalogs and the
/// organization's company registry, salient impacts and salient issues. Errors name the field and a localization key; on any error nothing is copied.
/// </summary>
public sealed class CaseTriageForm
{
    public const int MaxRights = 12;
    public const int MaxGroups = 12;

    public string? Category { get; set; }

    public List<string> Rights { get; set; } = [];

    public List<string> Groups { get; set; } = [];

    public string? CompanyId { get; set; }

    public string? SalientImpactId { get; set; }

    public string? SalientIssueId { get; set; }

    public string? Product { get; set; }

    public string? Country { get; set; }

    public bool Defender { get; set; }

    public string? Urgency { get; set; }

    public string? Perpetrator { get; set; }

    public string? VictimSex { get; set; }

    public string? VictimAgeBand { get; set; }

    /// <summary>The <see cref="ViolationType"/> names chosen; several may apply to one incident.</summary>
    public List<string> ViolationTypes { get; set; } = [];

    public sealed record Error(string Field, string Key);

    /// <summary>The ids a case may be linked to: the organization's companies, assessment impacts and salient issues.</summary>
    public sealed record TriageTargets(IReadOnlySet<Guid> Companies, IReadOnlySet<Guid> SalientImpacts, IReadOnlySet<Guid> SalientIssues);

    public static CaseTriageForm From(GrievanceCase grievance) => new()
    {
        Category = grievance.Category?.ToString(),
        Rights = [.. grievance.Rights],
        Groups = [.. grievance.Groups],
        CompanyId = grievance.CompanyId?.ToString(),
        SalientImpactId = grievance.SalientImpactId?.ToString(),
        SalientIssueId = grievance.SalientIssueId?.ToString(),
        Product = grievance.Product,
        Country = grievance.Country,
        Defender = grievance.Defender,
        Urgency = grievance.Urgency.ToString(),
        Perpetrator = grievance.Perpetrator?.ToString(),
        VictimSex = grievance.VictimSex?.ToString(),
        VictimAgeBand = grievance.VictimAgeBand?.ToString(),
        ViolationTypes = [.. grievance.ViolationTypes.Select(t => t.ToString())],
    };

    public IReadOnlyList<Error> ApplyTo(GrievanceCase target, ReferenceCatalog rights, ReferenceCatalog groups, TriageTargets targets)
    {
        var errors = new List<Error>();
        CaseCategory? category = null;
        if (!string.IsNullOrWhiteSpace(Category))
        {
            if (EnumInput.TryParse<CaseCategory>(Category, out var parsed))
            {
                category = parsed;
            }
            else
            {
                errors.Add(new Error(nameof(Category), "Triage.CategoryInvalid"));
            }
        }

        var rightKeys = Keys(Rights);
        if (rightKeys.Count > MaxRights || rightKeys.Any(r => rights.Find(r) is null))
        {
            errors.Add(new Error(nameof(Rights), "Triage.RightsInvalid"));
        }

        var groupKeys = Keys(Groups);
        if (groupKeys.Count > MaxGroups || groupKeys.Any(g => groups.Find(g) is null))
        {
            errors.Add(new Error(nameof(Groups), "Triage.GroupsInvalid"));
        }

        Guid? companyId = null;
        if (!string.IsNullOrWhiteSpace(CompanyId))
        {
            if (Guid.TryParse(CompanyId.Trim(), out var id) && targets.Companies.Contains(id))
            {
                companyId = id;
            }
            else
            {
                errors.Add(new Error(nameof(CompanyId), "Triage.CompanyInvalid"));
            }
        }

        var salientImpactId = Choice(SalientImpactId, targets.SalientImpacts);
        if (salientImpactId is null && !string.IsNullOrWhiteSpace(SalientImpactId))
        {
            errors.Add(new Error(nameof(SalientImpactId), "Triage.SalientImpactInvalid"));
        }

        var salientIssueId = Choice(SalientIssueId, targets.SalientIssues);
        if (salientIssueId is null && !string.IsNullOrWhiteSpace(SalientIssueId))
        {
            errors.Add(new Error(nameof(SalientIssueId), "Triage.SalientIssueInvalid"));
        }

        var product = string.IsNullOrWhiteSpace(Product) ? null : Product.Trim();
        if (product is { Length: > GrievanceCase.ProductMaxLength })
        {
            errors.Add(new Error(nameof(Product), "Triage.ProductTooLong"));
        }

        string? country = null;
        if (!string.IsNullOrWhiteSpace(Country))
        {
            if (Core.Companies.Country.TryParse(Country, out var parsed))
            {
                country = parsed.Alpha2;
            }
            else
            {
                errors.Add(new Error(nameof(Country), "Triage.CountryInvalid"));
            }
        }

        if (!EnumInput.TryParse<CaseUrgency>(Urgency, out var urgency))
        {
            errors.Add(new Error(nameof(Urgency), "Triage.UrgencyInvalid"));
        }

        var perpetrator = Optional<PerpetratorType>(Perpetrator, nameof(Perpetrator), "Triage.PerpetratorInvalid", errors);
        var victimSex = Optional<VictimSex>(VictimSex, nameof(VictimSex), "Triage.VictimSexInvalid", errors);
        var victimAgeBand = Optional<AgeBand>(VictimAgeBand, nameof(VictimAgeBand), "Triage.VictimAgeBandInvalid", errors);
        var violationTypes = new List<ViolationType>();
        foreach (var name in Keys(ViolationTypes))
        {
            if (EnumInput.TryParse<ViolationType>(name, out var type))
            {
                violationTypes.Add(type);
            }
            else
            {
                errors.Add(new Error(nameof(ViolationTypes), "Triage.ViolationTypesInvalid"));
                break;
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        target.Category = category;
        target.RightKeys = JsonSerializer.Serialize(rightKeys);
        target.GroupKeys = JsonSerializer.Serialize(groupKeys);
        target.CompanyId = companyId;
        target.SalientImpactId = salientImpactId;
        target.SalientIssueId = salientIssueId;
        target.Product = product;
        target.Country = country;
        target.Defender = Defender;
        target.Urgency = urgency;
        target.Perpetrator = perpetrator;
        target.VictimSex = victimSex;
        target.VictimAgeBand = victimAgeBand;
        target.ViolationTypeKeys = ViolationTypeList.Write(violationTypes);
        return errors;
    }

    /// <summary>
    /// Fills the victim profile fields and the violation types not set yet from the defender questionnaire's answers,
    /// for the handler to confirm by saving; "prefer not to say" and anything not on the lists stay not set. Whether
    /// anything was filled.
    /// </summary>
    public bool SuggestProfileFrom(IReadOnlyDictionary<string, string> answers)
    {
        var before = (Perpetrator, VictimSex, VictimAgeBand, ViolationTypes.Count);
        Perpetrator ??= Answer<PerpetratorType>(answers, "perpetrator", v => v.ToCode());
        VictimSex ??= Answer<VictimSex>(answers, "sex", v => v.ToCode());
        VictimAgeBand ??= Answer<AgeBand>(answers, "age", v => v.ToCode());
        if (ViolationTypes.Count == 0 && ViolationTypeCodes.FromCode(answers.GetValueOrDefault("violation")) is { } violation)
        {
            ViolationTypes = [violation.ToString()];
        }

        return before != (Perpetrator, VictimSex, VictimAgeBand, ViolationTypes.Count);
    }

    private static string? Answer<TEnum>(IReadOnlyDictionary<string, string> answers, string question, Func<TEnum, string> code)
        where TEnum : struct, Enum =>
        answers.TryGetValue(question, out var answer)
            ? Enum.GetValues<TEnum>().Where(v => code(v) == answer).Select(v => v.ToString()).FirstOrDefault()
            : null;

    /// <summary>A value of a fixed code list, or null when none was chosen; anything else is an error on the field.</summary>
    private static TEnum? Optional<TEnum>(string? value, string field, string errorKey, List<Error> errors)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (EnumInput.TryParse<TEnum>(value, out var parsed))
        {
            return parsed;
        }

        errors.Add(new Error(field, errorKey));
        return null;
    }

    /// <summary>The chosen id when it is one of <paramref name="allowed"/>; null when none was chosen or it is not allowed.</summary>
    private static Guid? Choice(string? value, IReadOnlySet<Guid> allowed) =>
        Guid.TryParse(value?.Trim(), out var id) && allowed.Contains(id) ? id : null;

    private static List<string> Keys(IEnumerable<string> values) =>
        [.. values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];
}
