namespace Rightscope.Core.Statistics;

/// <summary>
/// A <see cref="CountTable"/> as it may be published: every cell and margin either its count or a suppression. The true
/// counts of suppressed positions are not kept here, so a page given this table cannot show them by mistake.
/// </summary>
public sealed class SuppressedTable
{
    private readonly int?[,] values;
    private readonly Suppression[,] suppressions;

    internal SuppressedTable(CountTable table, Suppression[,] suppressions, int threshold)
    {
        Rows = table.Rows;
        Columns = table.Columns;
        Threshold = threshold;
        this.suppressions = suppressions;
        values = new int?[Rows + 1, Columns + 1];
        for (var r = 0; r <= Rows; r++)
        {
            for (var c = 0; c <= Columns; c++)
            {
                values[r, c] = suppressions[r, c] == Suppression.None ? table.At(new TablePosition(r, c)) : null;
            }
        }
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Counts from 1 to this minus one are suppressed.</summary>
    public int Threshold { get; }

    public PublishedCount Cell(int row, int column) => At(new TablePosition(CheckRow(row), CheckColumn(column)));

    public PublishedCount RowTotal(int row) => At(new TablePosition(CheckRow(row), Columns));

    public PublishedCount ColumnTotal(int column) => At(new TablePosition(Rows, CheckColumn(column)));

    public PublishedCount GrandTotal => At(new TablePosition(Rows, Columns));

    /// <summary>The cells of a one-way table (<see cref="CountTable.OneWay"/>), in order.</summary>
    public IReadOnlyList<PublishedCount> Counts => [.. Enumerable.Range(0, Rows).Select(r => Cell(r, 0))];

    /// <summary>Any position, margins included (see <see cref="CountTable.At"/>).</summary>
    public PublishedCount At(TablePosition position) => new(values[position.Row, position.Column], suppressions[position.Row, position.Column]);

    /// <summary>The suppressed positions, margins included, to carry a suppression over to a linked table.</summary>
    public IReadOnlyList<TablePosition> Suppressed()
    {
        var list = new List<TablePosition>();
        for (var r = 0; r <= Rows; r++)
        {
            for (var c = 0; c <= Columns; c++)
            {
                if (suppressions[r, c] != Suppression.None)
                {
                    list.Add(new TablePosition(r, c));
                }
            }
        }

        return list;
    }

    private int CheckRow(int row) => row >= 0 && row < Rows ? row : throw new ArgumentOutOfRangeException(nameof(row));

    private int CheckColumn(int column) => column >= 0 && column < Columns ? column : throw new ArgumentOutOfRangeException(nameof(column));
}
