using Rightscope.Core.Companies;
using Rightscope.Core.Money;

namespace Rightscope.Core.Portfolios.Import;

/// <summary>
/// One valid holding of a snapshot: the company (a name and/or identifiers), its weight in percent of the portfolio
/// (12.5 means 12.5 %), its market value rounded to the currency's minor unit, and the number of shares.
/// </summary>
public sealed record HoldingRow(
    int Line,
    string? Name,
    Isin? Isin,
    Lei? Lei,
    Ticker? Ticker,
    Country? Country,
    double? WeightPercent,
    decimal? MarketValue,
    Currency? Currency,
    decimal? Shares)
{
    /// <summary>The market value in minor units of <see cref="Currency"/> (DESIGN §9.12), when both are given.</summary>
    public long? MarketValueMinorUnits => MarketValue is { } value && Currency is { } currency ? currency.ToMinorUnits(value) : null;
}
