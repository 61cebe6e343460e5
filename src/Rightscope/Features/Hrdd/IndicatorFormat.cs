using System.Globalization;

namespace Rightscope.Features.Hrdd;

/// <summary>How indicator values are written on pages (current culture) and in CSV (invariant, round-trippable).</summary>
public static class IndicatorFormat
{
    public static string Value(double value, string? unit) =>
        unit is { Length: > 0 } ? $"{value.ToString("0.##", CultureInfo.CurrentCulture)} {unit}" : value.ToString("0.##", CultureInfo.CurrentCulture);

    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A value as the form's number input shows it.</summary>
    public static string Input(double? value) => value is { } v ? Invariant(v) : "";
}
