using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Assessments;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Features.Methodologies;

namespace Rightscope.Cli;

/// <summary>
/// <c>rightscope rescore --methodology KEY@VERSION</c>: moves draft assessments of KEY to VERSION (answers that no
/// longer fit are dropped and listed) and shows, without changing them, what submitted, approved and superseded
/// assessments would score under VERSION (DESIGN §2: a new version never silently changes an approved assessment).
/// </summary>
public static class RescoreCommand
{
    public static Command Create(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var methodology = new Option<string>("--methodology")
        {
            Description = "The version to score under, as KEY@VERSION (e.g. surveillance-investor@1.1.0).",
            Required = true,
        };
        var org = new Option<string?>("--org") { Description = "Only this organization (slug); all organizations otherwise." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would change; change nothing, drafts included." };
        var command = new Command("rescore", "Move drafts to another methodology version and compare the others (what-if), without altering them.")
        {
            methodology, org, dryRun,
        };
        command.SetAction(async (parse, cancellationToken) => await RightscopeCli.Guarded(io, async () =>
        {
            var (key, version) = MethodologyRegistry.SplitId(parse.GetValue(methodology)!);
            if (key.Length == 0 || string.IsNullOrEmpty(version))
            {
                return io.Fail("--methodology: give KEY@VERSION, e.g. surveillance-investor@1.1.0.");
            }

            await using var services = CliServices.Build(configuration);
            List<(Guid Id, string Slug)> organizations;
            await using (var root = services.CreateAsyncScope())
            {
                var slug = parse.GetValue(org);
                organizations = (await root.ServiceProvider.GetRequiredService<RightscopeDbContext>().Organizations.AsNoTracking()
                    .Where(o => slug == null || o.Slug == slug)
                    .OrderBy(o => o.Slug)
                    .Select(o => new { o.Id, o.Slug })
                    .ToListAsync(cancellationToken))
                    .Select(o => (o.Id, o.Slug)).ToList();
                if (slug is not null && organizations.Count == 0)
                {
                    return io.Fail($"--org: no organization has the slug '{slug}'.");
                }
            }

            var dry = parse.GetValue(dryRun);
            var targetFound = false;
            var (moved, compared) = (0, 0);
            foreach (var (organizationId, slug) in organizations)
            {
                await using var scope = services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(organizationId);
                var outcome = await RescoreOrganizationAsync(scope.ServiceProvider, io, organizationId, slug, key, version, dry, cancellationToken);
                targetFound |= outcome.TargetFound;
                moved += outcome.Moved;
                compared += outcome.Compared;
            }

            if (!targetFound)
            {
                return io.Fail($"--methodology: {key}@{version} is not in the catalog{(parse.GetValue(org) is { } only ? $" or among {only}'s methodologies" : "")}.");
            }

            io.Out.WriteLine(dry
                ? $"Dry run: {moved} draft(s) would move to {key}@{version}; {compared} other assessment(s) compared; nothing was changed."
                : $"{moved} draft(s) moved to {key}@{version}; {compared} other assessment(s) compared without change.");
            return ExitCodes.Success;
        }));
        return command;
    }

    private readonly record struct Outcome(bool TargetFound, int Moved, int Compared);

    private static async Task<Outcome> RescoreOrganizationAsync(
        IServiceProvider services, CliIo io, Guid organizationId, string slug, string key, string version, bool dryRun, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<RightscopeDbContext>();
        var registry = services.GetRequiredService<MethodologyRegistry>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var available = await registry.AvailableAsync(db, cancellationToken);
        var target = available.Select(a => a.Methodology).FirstOrDefault(m => m.Key == key && m.Version == version);
        if (target is null)
        {
            return new Outcome(false, 0, 0);
        }

        var assessments = await db.Assessments
            .Where(a => a.MethodologyKey == key && a.MethodologyVersion != version)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var movedLines = new List<string>();
        var compared = 0;
        foreach (var assessment in assessments)
        {
            var answers = await db.AssessmentAnswers.Where(a => a.AssessmentId == assessment.Id).ToListAsync(cancellationToken);
            var evidence = await db.Evidence.AsNoTracking().Where(e => e.AssessmentId == assessment.Id).ToListAsync(cancellationToken);
            var impacts = await db.SalientImpacts.AsNoTracking().Where(i => i.AssessmentId == assessment.Id).ToListAsync(cancellationToken);
            var subjectServices = AssessmentStore.ReadServices(assessment.Services);
            var carried = AssessmentCarryOver.Answers(target, subjectServices, answers);
            var result = AssessmentStore.Score(target, assessment, carried.Kept, evidence, target.Impacts is null ? [] : impacts);

            var isDraft = assessment.Status == AssessmentStatus.Draft;
            var verb = isDraft ? dryRun ? "would move" : "moved" : "what-if";
            io.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{slug}  {assessment.Id:N}  {assessment.Status,-10}  {assessment.MethodologyId} total {Show(assessment.Total)} tier {Show(assessment.Tier)} → {target.Id} total {Show(result.Total)} tier {Show(result.Tier)}  ({carried.Kept.Count} answers kept, {carried.Dropped.Count} dropped; {verb})  {assessment.SubjectName}"));
            foreach (var dropped in carried.Dropped)
            {
                io.Out.WriteLine($"    dropped: {dropped.Item} [{dropped.Component}] = {dropped.Option}");
            }

            if (!isDraft)
            {
                compared++;
                continue;
            }

            if (!dryRun)
            {
                db.AssessmentAnswers.RemoveRange(answers.Except(carried.Kept));
                assessment.MethodologyVersion = target.Version;
                (assessment.Total, assessment.Tier) = (result.Total, result.Tier);
                assessment.UpdatedAt = now;
                assessment.ConcurrencyToken = Guid.NewGuid();
            }

            movedLines.Add(string.Create(CultureInfo.InvariantCulture, $"{assessment.Id:N} ({carried.Dropped.Count} answers dropped)"));
        }

        if (!dryRun && movedLines.Count > 0)
        {
            // One audit entry for the command in this organization (DESIGN §9.4), naming every draft it moved.
            await services.GetRequiredService<AuditTrail>().SaveChangesAsync(
                new AuditRecord(
                    organizationId,
                    AuditActor.CommandLine(),
                    "assessment.rescored",
                    "methodology",
                    target.Id,
                    $"{movedLines.Count} draft(s) moved to {target.Id}: {string.Join(", ", movedLines)}"),
                cancellationToken);
        }

        return new Outcome(true, movedLines.Count, compared);
    }

    private static string Show(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "—";

    private static string Show(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "—";
}
