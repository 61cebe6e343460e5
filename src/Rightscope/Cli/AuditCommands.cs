using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Rightscope.Data;
using Rightscope.Features.Audit;

namespace Rightscope.Cli;

/// <summary><c>rightscope audit verify|checkpoint</c>: proves the audit trail is intact.</summary>
public static class AuditCommands
{
    public static Command Create(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var audit = new Command("audit", "Verify and checkpoint the audit trail.");
        audit.Subcommands.Add(Verify(io, configuration));
        audit.Subcommands.Add(Checkpoint(io, configuration));
        return audit;
    }

    private static Command Verify(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var checkpoint = new Option<FileInfo?>("--checkpoint") { Description = "A file written by `audit checkpoint`; entries it records must still be there, unchanged." };
        var org = new Option<string?>("--org") { Description = "Verify only this organization's chain (slug)." };
        var command = new Command("verify", "Check every hash chain; print the first broken link and exit non-zero if any entry was edited, deleted or recomputed.")
        {
            checkpoint, org,
        };
        command.SetAction(async (parse, cancellationToken) => await RightscopeCli.Guarded(io, async () =>
        {
            var checkpoints = parse.GetValue(checkpoint) is { } file
                ? AuditVerifier.ReadCheckpoints(RequireFile(file, "--checkpoint"))
                : [];
            await using var services = CliServices.Build(configuration);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
            Guid? organizationId = null;
            if (parse.GetValue(org) is { } slug)
            {
                organizationId = (await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == slug, cancellationToken))?.Id;
                if (organizationId is null)
                {
                    return io.Fail($"--org: no organization has the slug '{slug}'.");
                }
            }

            var result = scope.ServiceProvider.GetRequiredService<AuditVerifier>().Verify(checkpoints, organizationId);
            if (result.FirstBreak is { } broken)
            {
                return io.Fail($"audit trail broken: {broken.Describe()}");
            }

            io.Out.WriteLine($"Audit trail intact: {result.EntryCount} entries in {result.ChainCount} chain(s)"
                + (checkpoints.Count > 0 ? $", consistent with {checkpoints.Count} checkpoint(s)." : "."));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Checkpoint(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var output = new Option<FileInfo>("--out") { Description = "File to write (JSON); keep it outside the database server.", Required = true };
        var command = new Command("checkpoint", "Export the head of every chain, so that a later `audit verify --checkpoint` detects truncation.")
        {
            output,
        };
        command.SetAction(async (parse, cancellationToken) => await RightscopeCli.Guarded(io, async () =>
        {
            await using var services = CliServices.Build(configuration);
            await using var scope = services.CreateAsyncScope();
            var verifier = scope.ServiceProvider.GetRequiredService<AuditVerifier>();
            var verification = verifier.Verify([]);
            if (verification.FirstBreak is { } broken)
            {
                return io.Fail($"refusing to checkpoint a broken trail: {broken.Describe()}");
            }

            var checkpoints = verifier.CreateCheckpoints();
            var file = parse.GetValue(output)!;
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            await File.WriteAllTextAsync(file.FullName, AuditVerifier.SerializeCheckpoints(checkpoints, clock.GetUtcNow().UtcDateTime), cancellationToken);
            io.Out.WriteLine($"Wrote {checkpoints.Count} checkpoint(s) to {file.FullName}.");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string RequireFile(FileInfo file, string option) =>
        file.Exists ? file.FullName : throw new FormatException($"{option}: the file {file.FullName} does not exist.");

}
