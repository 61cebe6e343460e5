using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Rightscope.Infrastructure.Web;

/// <summary>
/// A write that fails because the disk is full (SQLite's SQLITE_FULL, PostgreSQL's disk_full, or ENOSPC from a file)
/// answers 503 with a page that says nothing was saved, instead of a 500. The database rolled the transaction back,
/// so nothing is half-stored, and the server keeps serving: once space is freed, the same request succeeds.
/// </summary>
public sealed class StorageFullMiddleware(RequestDelegate next, ILogger<StorageFullMiddleware> logger)
{
    /// <summary>Set on the request when it failed for lack of space; the error page shows its own message for it.</summary>
    public const string ItemKey = "Rightscope.StorageFull";

    private const int SqliteFull = 13;
    private const string PostgresDiskFull = "53100";
    private const int EnospcErrno = 28;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (IsStorageFull(e) && !context.Response.HasStarted)
        {
            logger.LogError(e, "A write failed because the disk is full; answered 503. Free disk space in the data directory or the database server.");
            context.Response.Clear();
            context.Items[ItemKey] = true;
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }

    public static bool IsStorageFull(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode == SqliteFull:
                case PostgresException postgres when postgres.SqlState == PostgresDiskFull:
                case IOException io when io.HResult is EnospcErrno or WindowsDiskFull or WindowsHandleDiskFull
                    || io.Message.Contains("No space left on device", StringComparison.Ordinal):
                    return true;
                case DbException db when db.Message.Contains("database or disk is full", StringComparison.Ordinal):
                    return true;
            }
        }

        return false;
    }
}
