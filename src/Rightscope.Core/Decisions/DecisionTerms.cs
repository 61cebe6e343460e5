using System.Globalization;

namespace Rightscope.Core.Decisions;

/// <summary>
/// What a decision says, parsed and checked: the kind; for an exclusion its mode, and for a divestment the date by
/// which to sell (on or after the effective date); the effective date; and a rationale, which is always required and
/// must explain a decision that differs from the tier's recommendation (DESIGN §9.6). The mode and divest-by date
/// mean nothing for other kinds and are dropped, so a form can keep them filled while the kind changes.
/// </summary>
public sealed record DecisionTerms(DecisionKind Kind, ExclusionMode? Mode, DateOnly? DivestBy, DateOnly EffectiveOn, string Rationale)
{
    public const int RationaleMaxLength = 4000;

    /// <summary>The field keys of <see cref="Parse"/>'s errors, as the API and the pages name them.</summary>
    public static class Fields
    {
        public const string Kind = "kind";
        public const string Mode = "exclusionMode";
        public const string DivestBy = "divestBy";
        public const string EffectiveOn = "effectiveOn";
        public const string Rationale = "rationale";
    }

    public bool DiffersFrom(DecisionKind? recommended) => recommended is { } r && r != Kind;

    public static (DecisionTerms? Terms, IReadOnlyList<(string Field, DecisionTermError Error)> Errors) Parse(
        string? kind, string? mode, string? divestBy, string? effectiveOn, string? rationale, DecisionKind? recommended)
    {
        var errors = new List<(string, DecisionTermError)>();
        DecisionKind? parsedKind = TryKind(kind, out var k) ? k : null;
        if (parsedKind is null)
        {
            errors.Add((Fields.Kind, DecisionTermError.KindInvalid));
        }

        DateOnly? effective = null;
        if (Blank(effectiveOn))
        {
            errors.Add((Fields.EffectiveOn, DecisionTermError.EffectiveOnRequired));
        }
        else if (TryDate(effectiveOn, out var e))
        {
            effective = e;
        }
        else
        {
            errors.Add((Fields.EffectiveOn, DecisionTermError.DateInvalid));
        }

        ExclusionMode? parsedMode = null;
        DateOnly? divest = null;
        if (parsedKind == DecisionKind.Exclude)
        {
            if (Blank(mode))
            {
                errors.Add((Fields.Mode, DecisionTermError.ModeRequired));
            }
            else if (TryMode(mode, out var m))
            {
                parsedMode = m;
            }
            else
            {
                errors.Add((Fields.Mode, DecisionTermError.ModeInvalid));
            }

            if (parsedMode == ExclusionMode.Divest)
            {
                if (Blank(divestBy))
                {
                    errors.Add((Fields.DivestBy, DecisionTermError.DivestByRequired));
                }
                else if (!TryDate(divestBy, out var d))
                {
                    errors.Add((Fields.DivestBy, DecisionTermError.DateInvalid));
                }
                else if (effective is { } from && d < from)
                {
                    errors.Add((Fields.DivestBy, DecisionTermError.DivestByBeforeEffective));
                }
                else
                {
                    divest = d;
                }
            }
        }

        var text = rationale?.Trim() ?? "";
        if (text.Length == 0)
        {
            var differs = parsedKind is { } chosen && recommended is { } r && chosen != r;
            errors.Add((Fields.Rationale, differs ? DecisionTermError.RationaleMustExplainDifference : DecisionTermError.RationaleRequired));
        }
        else if (text.Length > RationaleMaxLength)
        {
            errors.Add((Fields.Rationale, DecisionTermError.RationaleTooLong));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new DecisionTerms(parsedKind!.Value, parsedMode, divest, effective!.Value, text), errors);
    }

    public static bool TryKind(string? code, out DecisionKind kind)
    {
        foreach (var candidate in Enum.GetValues<DecisionKind>())
        {
            if (string.Equals(candidate.ToCode(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static bool TryMode(string? code, out ExclusionMode mode)
    {
        foreach (var candidate in Enum.GetValues<ExclusionMode>())
        {
            if (string.Equals(candidate.ToCode(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                mode = candidate;
                return true;
            }
        }

        mode = default;
        return false;
    }

    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}
