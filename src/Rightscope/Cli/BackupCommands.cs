using System.CommandLine;
using System.Globalization;
using Rightscope.Data.Backups;

namespace Rightscope.Cli;

/// <summary>
/// <c>rightscope backup --out FILE</c> and <c>rightscope restore --in FILE [--force]</c>: a portable archive of the
/// configured database (<see cref="DatabaseBackup"/>).
/// </summary>
public static class BackupCommands
{
    public static Command Backup(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var output = new Option<FileInfo>("--out") { Description = "The archive to write (zip); it holds encrypted case data, but no keys kept outside the database.", Required = true };
        var command = new Command("backup", "Write every table of the database into one archive with a manifest (schema, row counts, SHA-256 per entry); the server may keep running.")
        {
            output,
        };
        command.SetAction(async (parse, cancellationToken) => await Run(io, configuration, async backup =>
        {
            var outcome = await backup.BackupAsync(parse.GetValue(output)!.FullName, cancellationToken);
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Backed up {outcome.Tables} tables ({outcome.Rows} rows) of the {outcome.Provider} database at schema {outcome.Migration} to {outcome.Path}."));
        }));
        return command;
    }

    public static Command Restore(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var input = new Option<FileInfo>("--in") { Description = "An archive written by `rightscope backup`.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace the data of a database that is not empty." };
        var command = new Command("restore", "Restore an archive into the configured database, all or nothing; stop the server first. The same keys (Rightscope:AuditKey, Rightscope:EncryptionKey) must be configured.")
        {
            input, force,
        };
        command.SetAction(async (parse, cancellationToken) => await Run(io, configuration, async backup =>
        {
            var outcome = await backup.RestoreAsync(parse.GetValue(input)!.FullName, parse.GetValue(force), cancellationToken);
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Restored {outcome.Tables} tables ({outcome.Rows} rows) into the {outcome.Provider} database from {outcome.Path}. Run `rightscope audit verify` to check the audit trail."));
        }));
        return command;
    }

    private static Task<int> Run(CliIo io, IReadOnlyDictionary<string, string?>? configuration, Func<DatabaseBackup, Task> body) =>
        RightscopeCli.Guarded(io, async () =>
        {
            await using var services = CliServices.Build(configuration);
            await using var scope = services.CreateAsyncScope();
            try
            {
                await body(ActivatorUtilities.CreateInstance<DatabaseBackup>(scope.ServiceProvider));
                return ExitCodes.Success;
            }
            catch (BackupException e)
            {
                return io.Fail(e.Message);
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
            {
                return io.Fail($"database error: {e.Message}; the operation was rolled back.");
            }
        });
}
