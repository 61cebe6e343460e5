namespace Rightscope.Core.Statistics;

/// <summary>
/// A table of counts with its margins: rows × columns of cells, a total per row, a total per column and the grand
/// total, all derived from the cells so they cannot disagree. A one-way table (a list of counts and their total) is a
/// table of one column: its row totals repeat the cells and only the column total is worth showing.
/// </summary>
public sealed class CountTable
{
    private readonly int[,] cells;

    private CountTable(int[,] cells, bool oneWay)
    {
        this.cells = cells;
        IsOneWay = oneWay;
    }

    /// <summary>Made by <see cref="OneWay"/>: only the cells and the column total mean anything.</summary>
    public bool IsOneWay { get; }

    public int Rows => cells.GetLength(0);

    public int Columns => cells.GetLength(1);

    public static CountTable TwoWay(int[,] counts) => Make(counts, oneWay: false);

    private static CountTable Make(int[,] counts, bool oneWay)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.GetLength(0) == 0 || counts.GetLength(1) == 0)
        {
            throw new ArgumentException("A table has at least one row and one column.", nameof(counts));
        }

        foreach (var count in counts)
        {
            if (count < 0)
            {
                throw new ArgumentException("Counts are never negative.", nameof(counts));
            }
        }

        return new CountTable((int[,])counts.Clone(), oneWay);
    }

    /// <summary>A list of counts and its total, as a table of one column.</summary>
    public static CountTable OneWay(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var grid = new int[counts.Count, 1];
        for (var i = 0; i < counts.Count; i++)
        {
            grid[i, 0] = counts[i];
        }

        return Make(grid, oneWay: true);
    }

    public int Cell(int row, int column) => cells[row, column];

    public int RowTotal(int row) => Enumerable.Range(0, Columns).Sum(c => cells[row, c]);

    public int ColumnTotal(int column) => Enumerable.Range(0, Rows).Sum(r => cells[r, column]);

    public int GrandTotal => Enumerable.Range(0, Rows).Sum(RowTotal);

    /// <summary>
    /// Any position of the table with its margins, as a grid of (rows + 1) × (columns + 1): row <see cref="Rows"/>
    /// holds the column totals, column <see cref="Columns"/> the row totals, and the corner the grand total.
    /// </summary>
    public int At(TablePosition position)
    {
        var (row, column) = (position.Row, position.Column);
        if (row < 0 || row > Rows || column < 0 || column > Columns)
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, "Outside the table and its margins.");
        }

        return (row == Rows, column == Columns) switch
        {
            (false, false) => cells[row, column],
            (false, true) => RowTotal(row),
            (true, false) => ColumnTotal(column),
            (true, true) => GrandTotal,
        };
    }
}

/// <summary>A cell or a margin of a <see cref="CountTable"/> (see <see cref="CountTable.At"/>).</summary>
public readonly record struct TablePosition(int Row, int Column);
