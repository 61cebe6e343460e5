using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Assessments;
using Rightscope.Core.Benchmark;
using Rightscope.Core.Companies;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Scoring;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Features.Companies;
using Rightscope.Features.Methodologies;

namespace Rightscope.Features.Benchmark;

/// <summary>What an import wrote: the draft edition, its companies, and the registry companies it had to create.</summary>
public sealed record BenchmarkImportOutcome(
    Guid? EditionId, string? Slug, int Companies, IReadOnlyList<string> CreatedCompanies, string? Error, string? AmbiguousCompany = null, int Matches = 0)
{
    public const string Exists = "exists";

    /// <summary>A LEI or ISIN of the file that no registry company has, or that contradicts its row's company name; see <see cref="Issues"/>.</summary>
    public const string Identifiers = "identifiers";

    public IReadOnlyList<BenchmarkIssue> Issues { get; init; } = [];

    /// <summary>A company name of the file matches several registry companies: picking one would mix up identities.</summary>
    public const string Ambiguous = "ambiguous";
}

/// <summary>The outcome of a workflow step: null error on success; <see cref="Missing"/> lists what publication needs.</summary>
public sealed record EditionStepOutcome(EditionFailure? Failure, IReadOnlyList<MissingItem> Missing)
{
    public static EditionStepOutcome Done { get; } = new(null, []);

    public bool Succeeded => Failure is null;
}

/// <summary>
/// The benchmark's commands (issue 7): import a draft edition, approve it as a whole (four eyes), open the right of
/// reply, record replies, publish. Each writes one audit entry in the same transaction as its change.
/// </summary>
public sealed class BenchmarkEditions(RightscopeDbContext db, MethodologyRegistry registry, AuditTrail audit, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string Slugify(string text, string fallback)
    {
        var slug = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-' && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        if (result.Length > 80)
        {
            result = result[..80].Trim('-');
        }

        return result.Length == 0 ? fallback : result;
    }

    /// <summary>The year in an edition name ("Benchmark 2026"), else null.</summary>
    public static int? YearIn(string name)
    {
        var match = System.Text.RegularExpressions.Regex.Match(name, @"(?<!\d)(19|20)\d\d(?!\d)");
        return match.Success ? int.Parse(match.Value, CultureInfo.InvariantCulture) : null;
    }

    public async Task<Methodology?> MethodologyAsync(string id, CancellationToken cancellationToken) =>
        MethodologyRegistry.Find(await registry.AvailableAsync(db, cancellationToken), id)?.Methodology;

    /// <summary>Writes a draft edition from a read import (the caller checked <see cref="BenchmarkImportResult.CanWrite"/>); all or nothing.</summary>
    public async Task<BenchmarkImportOutcome> ImportAsync(
        Guid organizationId, AuditActor actor, Guid importerId, string name, int year, Methodology methodology, BenchmarkImportLevel level,
        BenchmarkImportResult read, string sourceFile, CancellationToken cancellationToken)
    {
        var slug = Slugify(name, "edition");
        if (await db.BenchmarkEditions.AnyAsync(e => e.Slug == slug || e.Name == name, cancellationToken))
        {
            return new(null, slug, 0, [], BenchmarkImportOutcome.Exists);
        }

        var registryCompanies = await db.Companies.ToListAsync(cancellationToken);
        var (identified, issues) = Identify(read.Companies, registryCompanies);
        if (issues.Count > 0)
        {
            return new(null, slug, 0, [], BenchmarkImportOutcome.Identifiers) { Issues = issues };
        }

        foreach (var rows in read.Companies.Where(r => !identified.ContainsKey(r)))
        {
            var normalized = CompanyName.Normalize(rows.Name);
            var matches = registryCompanies.Count(c => c.NormalizedName == normalized || c.NormalizedAltName == normalized);
            if (matches > 1)
            {
                return new(null, slug, 0, [], BenchmarkImportOutcome.Ambiguous, rows.Name, matches);
            }
        }

        var now = Now;
        var edition = new BenchmarkEdition
        {
            OrganizationId = organizationId,
            Name = name,
            Slug = slug,
            Year = year,
            MethodologyKey = methodology.Key,
            MethodologyVersion = methodology.Version,
            Level = level == BenchmarkImportLevel.Element ? "element" : "indicator",
            ImportedByUserId = importerId,
            ImportedAt = now,
            SourceFile = sourceFile.Length > 300 ? sourceFile[..300] : sourceFile,
        };
        db.BenchmarkEditions.Add(edition);

        var created = new List<string>();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rows in read.Companies)
        {
            var normalized = CompanyName.Normalize(rows.Name);
            var company = identified.GetValueOrDefault(rows)
                ?? registryCompanies.FirstOrDefault(c => c.NormalizedName == normalized || c.NormalizedAltName == normalized);
            if (company is null)
            {
                company = new Company { OrganizationId = organizationId, NameEn = rows.Name, CreatedAt = now, UpdatedAt = now };
                CompanyCommands.SetNormalizedNames(company);
                db.Companies.Add(company);
                registryCompanies.Add(company);
                created.Add(rows.Name);
            }

            var input = rows.ToInput();
            var result = ScoringEngine.Score(methodology, input);
            var assessment = new Assessment
            {
                OrganizationId = organizationId,
                SubjectKind = SubjectKind.Company,
                SubjectName = rows.Name,
                CompanyId = company.Id,
                Services = JsonSerializer.Serialize(rows.Services),
                MethodologyKey = methodology.Key,
                MethodologyVersion = methodology.Version,
                Status = AssessmentStatus.InReview,
                AuthorUserId = importerId,
                SubmittedAt = now,
                CreatedAt = now,
                UpdatedAt = now,
                Total = result.Total,
                Tier = result.Tier,
            };
            db.Assessments.Add(assessment);
            db.AssessmentAnswers.AddRange(rows.Answers.Select(a => new AssessmentAnswer
            {
                OrganizationId = organizationId,
                AssessmentId = assessment.Id,
                ItemKey = a.Item,
                Component = a.Component,
                OptionKey = a.Option,
                AnsweredByUserId = importerId,
                AnsweredAt = now,
            }));
            db.BenchmarkIndicatorScores.AddRange(rows.Given.Select(g => new BenchmarkIndicatorScore
            {
                OrganizationId = organizationId,
                AssessmentId = assessment.Id,
                NodeKey = g.Node,
                Component = g.Component,
                Score = g.Score,
            }));

            var companySlug = Slugify(rows.Name, "company");
            for (var n = 2; !slugs.Add(companySlug); n++)
            {
                companySlug = $"{Slugify(rows.Name, "company")}-{n}";
            }

            db.BenchmarkEntries.Add(new BenchmarkEntry
            {
                OrganizationId = organizationId,
                EditionId = edition.Id,
                AssessmentId = assessment.Id,
                CompanyId = company.Id,
                CompanyName = rows.Name,
                CompanySlug = companySlug,
            });
        }

        await audit.SaveChangesAsync(new AuditRecord(
            organizationId, actor, "benchmark.imported", "benchmark-edition", edition.Id.ToString("N"),
            string.Create(CultureInfo.InvariantCulture,
                $"{name} ({methodology.Id}, {edition.Level} level) from {edition.SourceFile}, imported by {actor.Display}: {read.Companies.Count} companies, {read.RowsRead} rows read, {read.BadRows} bad rows skipped, {created.Count} companies added to the registry")),
            cancellationToken);
        return new(edition.Id, slug, read.Companies.Count, created, null);
    }

    /// <summary>
    /// The registry company of each file company that has a LEI or ISIN, or the issues (line and field of the
    /// identifier): an identifier no registry company has, a LEI and an ISIN of two different companies, or a company
    /// name that matches registry companies of which the identified one is not.
    /// </summary>
    private static (Dictionary<BenchmarkCompanyRows, Company> Identified, List<BenchmarkIssue> Issues) Identify(
        IReadOnlyList<BenchmarkCompanyRows> companies, List<Company> registry)
    {
        var identified = new Dictionary<BenchmarkCompanyRows, Company>(ReferenceEqualityComparer.Instance);
        var issues = new List<BenchmarkIssue>();
        static string Display(Company c) => c.NameEn ?? c.NameZhHans ?? c.Id.ToString("N");
        foreach (var rows in companies)
        {
            Company? Find(RowIdentifier? identifier, string field, string label, Func<Company, string?> value)
            {
                if (identifier is null)
                {
                    return null;
                }

                var found = registry.FirstOrDefault(c => string.Equals(value(c), identifier.Value, StringComparison.Ordinal));
                if (found is null)
                {
                    issues.Add(new(identifier.Line, field, BenchmarkIssueCode.UnknownIdentifier, [label, identifier.Value]));
                }

                return found;
            }

            var byLei = Find(rows.Lei, "lei", "LEI", c => c.Lei);
            var byIsin = Find(rows.Isin, "isin", "ISIN", c => c.Isin);
            if (byLei is not null && byIsin is not null && byLei.Id != byIsin.Id)
            {
                issues.Add(new(rows.Isin!.Line, "isin", BenchmarkIssueCode.IdentifiersDisagree, [rows.Isin.Value, Display(byIsin), rows.Lei!.Value, Display(byLei)]));
                continue;
            }

            if ((byLei ?? byIsin) is not { } company)
            {
                continue;
            }

            var normalized = CompanyName.Normalize(rows.Name);
            var named = registry.Where(c => c.NormalizedName == normalized || c.NormalizedAltName == normalized).ToList();
            if (named.Count > 0 && !named.Contains(company))
            {
                var (identifier, field, label) = byLei is not null ? (rows.Lei!, "lei", "LEI") : (rows.Isin!, "isin", "ISIN");
                issues.Add(new(identifier.Line, field, BenchmarkIssueCode.IdentifierNameMismatch, [label, identifier.Value, Display(company), rows.Name, Display(named[0])]));
                continue;
            }

            identified.Add(rows, company);
        }

        return (identified, issues);
    }

    public Task<List<BenchmarkEntry>> EntriesAsync(Guid editionId, CancellationToken cancellationToken) =>
        db.BenchmarkEntries.Where(e => e.EditionId == editionId).OrderBy(e => e.CompanyName).ToListAsync(cancellationToken);

    /// <summary>Approves the edition and every assessment of it still in review, in one save (four eyes on the edition).</summary>
    public async Task<EditionStepOutcome> ApproveAsync(BenchmarkEdition edition, Guid approverId, AuditActor actor, CancellationToken cancellationToken)
    {
        if (BenchmarkWorkflow.Approve(edition.Status, edition.ImportedByUserId, approverId) is { } failure)
        {
            return new(failure, []);
        }

        var ids = await db.BenchmarkEntries.Where(e => e.EditionId == edition.Id).Select(e => e.AssessmentId).ToListAsync(cancellationToken);
        var assessments = await db.Assessments.Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        var approved = 0;
        foreach (var assessment in assessments)
        {
            var step = AssessmentWorkflow.Approve(assessment.Status, assessment.AuthorUserId, approverId);
            if (step.Succeeded)
            {
                assessment.Status = step.Status;
                (assessment.ApprovedByUserId, assessment.ApprovedAt, assessment.UpdatedAt) = (approverId, Now, Now);
                assessment.ConcurrencyToken = Guid.NewGuid();
                approved++;
            }
        }

        var importer = await db.Users.AsNoTracking().Where(u => u.Id == edition.ImportedByUserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken)
            ?? "the command line";
        edition.Status = EditionStatus.Approved;
        (edition.ApprovedByUserId, edition.ApprovedAt) = (approverId, Now);
        edition.ConcurrencyToken = Guid.NewGuid();
        await audit.SaveChangesAsync(Record(edition, actor, "benchmark.approved",
            string.Create(CultureInfo.InvariantCulture, $"{edition.Name}: imported by {importer}, approved as a whole by {actor.Display}; {approved} of {assessments.Count} assessments approved with it")), cancellationToken);
        return EditionStepOutcome.Done;
    }

    public async Task<EditionStepOutcome> OpenReplyAsync(BenchmarkEdition edition, DateOnly opens, DateOnly closes, AuditActor actor, CancellationToken cancellationToken)
    {
        if (BenchmarkWorkflow.OpenReply(edition.Status, opens, closes) is { } failure)
        {
            return new(failure, []);
        }

        edition.Status = EditionStatus.ReplyOpen;
        (edition.ReplyOpensOn, edition.ReplyClosesOn) = (opens, closes);
        edition.ConcurrencyToken = Guid.NewGuid();
        await audit.SaveChangesAsync(Record(edition, actor, "benchmark.reply-opened",
            $"{edition.Name}: right of reply from {opens:yyyy-MM-dd} to {closes:yyyy-MM-dd}"), cancellationToken);
        return EditionStepOutcome.Done;
    }

    public async Task<EditionStepOutcome> RecordReplyAsync(
        BenchmarkEdition edition, BenchmarkEntry entry, ReplyDecision decision, string? text, DateOnly? receivedOn, AuditActor actor, CancellationToken cancellationToken)
    {
        if (BenchmarkWorkflow.RecordReply(edition.Status) is { } failure)
        {
            return new(failure, []);
        }

        entry.Reply = decision;
        entry.ReplyText = decision == ReplyDecision.Replied ? text : null;
        entry.ReplyReceivedOn = decision == ReplyDecision.Replied ? receivedOn : null;
        edition.ConcurrencyToken = Guid.NewGuid();
        await audit.SaveChangesAsync(Record(edition, actor, "benchmark.reply-recorded",
            $"{edition.Name}: {entry.CompanyName}: {decision.ToString().ToLowerInvariant()}{(receivedOn is { } on && decision == ReplyDecision.Replied ? $", received {on:yyyy-MM-dd}" : "")}"), cancellationToken);
        return EditionStepOutcome.Done;
    }

    /// <summary>What publication still needs today.</summary>
    public async Task<IReadOnlyList<MissingItem>> MissingAsync(BenchmarkEdition edition, CancellationToken cancellationToken)
    {
        var entries = await EntriesAsync(edition.Id, cancellationToken);
        var ids = entries.Select(e => e.AssessmentId).ToList();
        var approved = await db.Assessments.Where(a => ids.Contains(a.Id) && a.Status == AssessmentStatus.Approved).Select(a => a.Id).ToListAsync(cancellationToken);
        return BenchmarkWorkflow.Missing(
            entries.Select(e => new EditionCompanyState(e.CompanyName, approved.Contains(e.AssessmentId), e.Reply)),
            edition.ReplyClosesOn, DateOnly.FromDateTime(Now));
    }

    /// <summary>Publishes the edition, or refuses with the list of what is missing; the snapshot is stored and never recomputed.</summary>
    public async Task<EditionStepOutcome> PublishAsync(
        BenchmarkEdition edition, string publisher, string publisherSlug, string licence, Guid publisherId, AuditActor actor, CancellationToken cancellationToken)
    {
        var missing = await MissingAsync(edition, cancellationToken);
        if (BenchmarkWorkflow.Publish(edition.Status, missing) is { } failure)
        {
            return new(failure, missing);
        }

        var methodology = await MethodologyAsync(edition.MethodologyId, cancellationToken)
            ?? throw new InvalidOperationException($"methodology {edition.MethodologyId} is no longer available");
        var scored = await ScoreAsync(edition, methodology, cancellationToken);
        var previous = await db.BenchmarkEditions.AsNoTracking()
            .Where(e => e.Status == EditionStatus.Published && e.MethodologyKey == edition.MethodologyKey && e.Year < edition.Year && e.Id != edition.Id)
            .OrderByDescending(e => e.Year).ThenByDescending(e => e.PublishedAt).FirstOrDefaultAsync(cancellationToken);
        edition.Licence = licence;
        var snapshot = PublishedEditionBuilder.Build(publisher, publisherSlug, edition, methodology, DateOnly.FromDateTime(Now), scored,
            previous?.Snapshot is { } json ? await WithIdentitiesAsync(previous.Id, PublishedEdition.FromJson(json), cancellationToken) : null);
        edition.Status = EditionStatus.Published;
        (edition.PublishedByUserId, edition.PublishedAt) = (publisherId, Now);
        (edition.Snapshot, edition.ContentHash) = (snapshot.ToJson(), snapshot.ContentHash);
        edition.ConcurrencyToken = Guid.NewGuid();
        await audit.SaveChangesAsync(Record(edition, actor, "benchmark.published",
            $"{edition.Name}: published at /benchmark/{publisherSlug}/{edition.Slug} under {licence}; {scored.Count} companies; content sha256 {snapshot.ContentHash}"), cancellationToken);
        return EditionStepOutcome.Done;
    }

    /// <summary>
    /// The previous snapshot with each company's current registry id, taken from its edition's entries: a snapshot
    /// published before identities were recorded gets them, and one whose company was since merged into another
    /// follows the merge (the merge moves the entries), so year-over-year change never falls back to matching names.
    /// </summary>
    private async Task<PublishedEdition> WithIdentitiesAsync(Guid editionId, PublishedEdition snapshot, CancellationToken cancellationToken)
    {
        var companyOf = await db.BenchmarkEntries.AsNoTracking().Where(e => e.EditionId == editionId)
            .ToDictionaryAsync(e => e.CompanySlug, e => e.CompanyId, StringComparer.Ordinal, cancellationToken);
        return snapshot with
        {
            Companies = [.. snapshot.Companies.Select(c => companyOf.TryGetValue(c.Slug, out var id) ? c with { CompanyId = CompanyIdentity.Of(id) } : c)],
        };
    }

    /// <summary>Scores every company of the edition with the engine, from its answers or its imported indicator scores.</summary>
    public async Task<IReadOnlyList<ScoredEntry>> ScoreAsync(BenchmarkEdition edition, Methodology methodology, CancellationToken cancellationToken)
    {
        var entries = await EntriesAsync(edition.Id, cancellationToken);
        var ids = entries.Select(e => e.AssessmentId).ToList();
        var assessments = await db.Assessments.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var answers = (await db.AssessmentAnswers.AsNoTracking().Where(a => ids.Contains(a.AssessmentId)).ToListAsync(cancellationToken)).ToLookup(a => a.AssessmentId);
        var given = (await db.BenchmarkIndicatorScores.AsNoTracking().Where(s => ids.Contains(s.AssessmentId)).ToListAsync(cancellationToken)).ToLookup(s => s.AssessmentId);
        var evidence = (await db.Evidence.AsNoTracking().Where(e => ids.Contains(e.AssessmentId)).ToListAsync(cancellationToken)).ToLookup(e => e.AssessmentId);
        var companyIds = entries.Select(e => e.CompanyId).Distinct().ToList();
        var identifiers = await db.Companies.AsNoTracking().Where(c => companyIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Lei, c.Isin }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var scored = new List<ScoredEntry>();
        foreach (var entry in entries)
        {
            var assessment = assessments[entry.AssessmentId];
            var services = AssessmentStore.ReadServices(assessment.Services);
            var own = evidence[entry.AssessmentId].OrderBy(e => e.AddedAt).ToList();
            var input = new AssessmentInput(
                new Dictionary<string, string>(), services,
                [.. answers[entry.AssessmentId].Select(a => new Answer(a.ItemKey, a.Component, a.OptionKey, [.. own.Where(e => e.ItemKey == a.ItemKey).Select(e => e.Id.ToString("N"))]))],
                [])
            {
                Given = [.. given[entry.AssessmentId].Select(s => new GivenScore(s.NodeKey, s.Component, s.Score))],
            };
            scored.Add(new ScoredEntry(
                entry, services, ScoringEngine.Score(methodology, input),
                own.ToDictionary(e => e.Id.ToString("N"), e => new PublishedEvidence(e.Title, e.Url)),
                own.GroupBy(e => e.ItemKey).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(e => e.Id.ToString("N"))]),
                identifiers.GetValueOrDefault(entry.CompanyId)?.Lei,
                identifiers.GetValueOrDefault(entry.CompanyId)?.Isin));
        }

        return scored;
    }

    private static AuditRecord Record(BenchmarkEdition edition, AuditActor actor, string action, string summary) =>
        new(edition.OrganizationId, actor, action, "benchmark-edition", edition.Id.ToString("N"), summary);
}
