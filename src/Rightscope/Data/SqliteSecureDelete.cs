using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rightscope.Data;

/// <summary>
/// Turns on <c>PRAGMA secure_delete</c> for every SQLite connection the application opens. Without it SQLite only marks
/// deleted rows' space as free, and a deleted case's ciphertext and sealed keys stay readable in the database file
/// until the page happens to be reused — so "deleting a case destroys its keys" (issue 5) would not hold for anyone who
/// copies the file. With it, freed content is overwritten with zeros in the same transaction (and, once the WAL is
/// checkpointed, in the database file). The setting belongs to the connection, not the file, hence on every open.
/// </summary>
public sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
