using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Rightscope.Data;

/// <summary>
/// A count the database stops making after <see cref="Cap"/> rows, so a page that shows how many cases are overdue costs
/// the same with 200 cases or 200,000 (issue 8): exact up to the cap, otherwise "more than <see cref="Value"/>", shown
/// as "1000+". A handler with a thousand overdue deadlines needs to know there are very many, not the exact number.
/// </summary>
public readonly record struct CappedCount(int Value, bool More)
{
    public const int Cap = 1000;

    public static readonly CappedCount Zero = new(0, false);

    public bool IsZero => Value == 0 && !More;

    /// <summary>Counts <paramref name="query"/>'s rows, reading at most <paramref name="cap"/> + 1 of them.</summary>
    public static async Task<CappedCount> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken, int cap = Cap)
    {
        var counted = await query.Take(cap + 1).CountAsync(cancellationToken);
        return counted > cap ? new CappedCount(cap, true) : new CappedCount(counted, false);
    }

    public CappedCount Plus(CappedCount other) => new(Value + other.Value, More || other.More);

    /// <summary>What is left after <paramref name="shown"/> of them (never below zero).</summary>
    public CappedCount Minus(int shown) => new(Math.Max(0, Value - shown), More);

    /// <summary>The number in the reader's culture, with "+" when there are more.</summary>
    public override string ToString() => Value.ToString(CultureInfo.CurrentCulture) + (More ? "+" : "");
}
