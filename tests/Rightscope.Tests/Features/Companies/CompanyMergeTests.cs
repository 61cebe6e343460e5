using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Decisions;
using Rightscope.Core.Organizations;
using Rightscope.Core.Remedy;
using Rightscope.Features.Decisions;
using Rightscope.Features.Organizations;
using Rightscope.Features.Portfolios;
using Rightscope.Features.Remedy;
using Rightscope.Tests.Features.Decisions;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Companies;

/// <summary>
/// Merging a duplicate registry company: what points at it moves, the survivor's values win, the current decision
/// stays one, a stale preview is refused, and the company page shows the grievance cases linked to it.
/// </summary>
public sealed partial class CompanyMergeTests
{
    private const string DuplicateIsin = "US0378331005";

    [GeneratedRegex("name=\"(survivorVersion|duplicateVersion)\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex VersionPattern();

    private sealed record Seeded(Organization Org, HttpClient Client, Guid Survivor, Guid Duplicate, Guid SurvivorDecision, Guid DuplicateDecision, Guid DuplicateCase);

    private static async Task<Seeded> SeedAsync(RightscopeFactory app)
    {
        var (org, owner) = await app.CreateOrganizationAsync(OrganizationKind.Investor);
        var client = await app.SignInAsync(owner.Email!);
        var (survivor, survivorAssessment) = await DecisionSteps.SeedCompanyAsync(app, org, "Fictional Optics", 3);
        var (duplicate, duplicateAssessment) = await DecisionSteps.SeedCompanyAsync(app, org, "Fictional Optics Ltd.", 2, DuplicateIsin);
        var ids = await DecisionSteps.QueryAsync(app, async db =>
        {
            var now = DateTime.UtcNow;
            var company = await db.Companies.IgnoreQueryFilters().SingleAsync(c => c.Id == duplicate);
            (company.Sector, company.Website, company.Technologies) = ("Imaging", "https://optics.example", "facial-recognition");
            await db.Assessments.IgnoreQueryFilters().Where(a => a.Id == survivorAssessment).ExecuteUpdateAsync(s => s.SetProperty(a => a.CompanyId, survivor));
            await db.Assessments.IgnoreQueryFilters().Where(a => a.Id == duplicateAssessment).ExecuteUpdateAsync(s => s.SetProperty(a => a.CompanyId, duplicate));
            Decision Approved(Guid companyId, Guid assessmentId, DecisionKind kind) => new()
            {
                OrganizationId = org.Id,
                CompanyId = companyId,
                ApprovedCompanyId = companyId,
                Kind = kind,
                EffectiveOn = new DateOnly(2026, 7, 1),
                AssessmentId = assessmentId,
                Status = DecisionStatus.Approved,
                ProposedByUserId = owner.Id,
                ProposedAt = now,
                CreatedAt = now,
                UpdatedAt = now,
            };
            var kept = Approved(survivor, survivorAssessment, DecisionKind.Exclude);
            kept.ExclusionMode = ExclusionMode.DoNotInvest;
            var superseded = Approved(duplicate, duplicateAssessment, DecisionKind.Engage);
            var portfolio = new Portfolio { OrganizationId = org.Id, Name = "Fictional fund", BaseCurrency = "USD", CreatedAt = now, UpdatedAt = now };
            var snapshot = new HoldingsSnapshot
            {
                OrganizationId = org.Id,
                PortfolioId = portfolio.Id,
                AsOf = new DateOnly(2026, 6, 30),
                SourceFileName = "holdings.csv",
                Fingerprint = "fingerprint",
                RowCount = 1,
                MatchedCount = 1,
                ImportedBy = "test",
                ImportedAt = now,
            };
            var holding = new Holding { OrganizationId = org.Id, SnapshotId = snapshot.Id, CompanyId = duplicate, Line = 2, Name = "Fictional Optics Ltd.", Isin = DuplicateIsin, Weight = 1.5 };
            var channel = new Channel
            {
                OrganizationId = org.Id,
                Slug = TestData.UniqueSlug("ch"),
                NameEn = "Fictional channel",
                NameZh = "虚构渠道",
                ReceiptSalt = new byte[16],
                ReceiptCost = "test",
                CreatedAt = now,
            };
            var grievance = new GrievanceCase
            {
                OrganizationId = org.Id,
                ChannelId = channel.Id,
                Number = 1,
                Status = CaseStatus.Closed,
                ReceivedOn = new DateOnly(2026, 5, 1),
                ClosedOn = new DateOnly(2026, 6, 1),
                LookupId = [1, 2, 3],
                ReporterEnvelope = [4],
                Report = [5],
                Category = CaseCategory.Surveillance,
                RightKeys = "[\"privacy\"]",
                CompanyId = duplicate,
            };
            db.AddRange(kept, superseded, portfolio, snapshot, holding, channel, grievance);
            await db.SaveChangesAsync();
            return (kept.Id, superseded.Id, grievance.Id);
        });
        return new Seeded(org, client, survivor, duplicate, ids.Item1, ids.Item2, ids.Item3);
    }

    private static string MergePage(Seeded s) => $"/o/{s.Org.Slug}/companies/{s.Survivor}/merge";

    // Where a test takes its anti-forgery token when the merge page itself refuses to show a form.
    private static string EditPage(Seeded s) => $"/o/{s.Org.Slug}/companies/{s.Survivor}/edit";

    private static async Task<Dictionary<string, string>> PreviewFieldsAsync(Seeded s)
    {
        var preview = await s.Client.GetAsync($"{MergePage(s)}?duplicate={s.Duplicate}");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        var fields = VersionPattern().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        fields["duplicate"] = s.Duplicate.ToString();
        return fields;
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Merging_moves_every_record_to_the_survivor_keeps_one_current_decision_and_deletes_the_duplicate(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var s = await SeedAsync(app);

        var search = WebUtility.HtmlDecode(await s.Client.GetStringAsync(MergePage(s)));
        Assert.Contains("Companies with the same name", search, StringComparison.Ordinal);
        Assert.Contains($"?duplicate={s.Duplicate}", search, StringComparison.Ordinal);

        var preview = WebUtility.HtmlDecode(await s.Client.GetStringAsync($"{MergePage(s)}?duplicate={s.Duplicate}"));
        Assert.Contains("<th scope=\"row\">Linked grievance cases</th><td>1</td>", preview, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Holdings</th><td>1</td>", preview, StringComparison.Ordinal);
        Assert.Contains("<td>Fictional Optics</td><td>Fictional Optics Ltd.</td>", preview, StringComparison.Ordinal);

        var merged = await Forms.PostAsync(s.Client, $"{MergePage(s)}?duplicate={s.Duplicate}", await PreviewFieldsAsync(s), MergePage(s));
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal($"/o/{s.Org.Slug}/companies/{s.Survivor}?merged=true", merged.Headers.Location!.OriginalString);

        await DecisionSteps.QueryAsync(app, async db =>
        {
            var companies = await db.Companies.IgnoreQueryFilters().Where(c => c.OrganizationId == s.Org.Id).ToListAsync();
            var survivor = Assert.Single(companies);
            Assert.Equal(s.Survivor, survivor.Id);
            Assert.Equal("Fictional Optics", survivor.NameEn);
            Assert.Equal((DuplicateIsin, "Imaging", "https://optics.example"), (survivor.Isin, survivor.Sector, survivor.Website));
            Assert.Contains("facial-recognition", survivor.TechnologyKeys);
            Assert.Equal(2, await db.Assessments.IgnoreQueryFilters().CountAsync(a => a.CompanyId == s.Survivor));
            Assert.Equal(s.Survivor, (await db.Holdings.IgnoreQueryFilters().SingleAsync(h => h.OrganizationId == s.Org.Id)).CompanyId);
            Assert.Equal(s.Survivor, (await db.Cases.IgnoreQueryFilters().SingleAsync(c => c.Id == s.DuplicateCase)).CompanyId);
            var decisions = await db.Decisions.IgnoreQueryFilters().Where(d => d.OrganizationId == s.Org.Id).ToListAsync();
            Assert.All(decisions, d => Assert.Equal(s.Survivor, d.CompanyId));
            var current = Assert.Single(decisions, d => d.ApprovedCompanyId == s.Survivor);
            Assert.Equal(s.SurvivorDecision, current.Id);
            var old = Assert.Single(decisions, d => d.Id == s.DuplicateDecision);
            Assert.Equal((DecisionStatus.Superseded, (Guid?)null, (Guid?)s.SurvivorDecision), (old.Status, old.ApprovedCompanyId, old.SupersededById));
            return 0;
        });
        var audit = Assert.Single(await DecisionSteps.AuditAsync(app, s.Org.Id, "company.merged"));
        Assert.Contains("1 assessments, 1 decisions, 0 engagements, 1 holdings, 1 cases", audit.Summary, StringComparison.Ordinal);
        Assert.Contains("dropped nameEn Fictional Optics Ltd.", audit.Summary, StringComparison.Ordinal);

        var page = WebUtility.HtmlDecode(await s.Client.GetStringAsync(merged.Headers.Location.OriginalString));
        Assert.Contains("The duplicate was merged into this company.", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Linked cases</dt><dd>&lt;5</dd>", await s.Client.GetStringAsync($"/o/{s.Org.Slug}/companies/{s.Survivor}"), StringComparison.Ordinal);
        Assert.Contains("Surveillance", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_merge_previewed_before_someone_edited_a_company_is_refused_and_nothing_moves()
    {
        await using var app = await RightscopeFactory.StartAsync(ProviderData.Sqlite);
        var s = await SeedAsync(app);
        var fields = await PreviewFieldsAsync(s);
        await DecisionSteps.QueryAsync(app, db => db.Companies.IgnoreQueryFilters().Where(c => c.Id == s.Duplicate)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Sector, "Edited meanwhile").SetProperty(c => c.ConcurrencyToken, Guid.NewGuid())));

        var stale = await Forms.PostAsync(s.Client, $"{MergePage(s)}?duplicate={s.Duplicate}", fields, MergePage(s));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("was changed since you looked", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(2, (await CompanyRegistryTests.CompaniesAsync(app, s.Org.Id)).Count);
        Assert.Equal(s.Duplicate, (await DecisionSteps.QueryAsync(app, db => db.Holdings.IgnoreQueryFilters().SingleAsync(h => h.OrganizationId == s.Org.Id))).CompanyId);
        Assert.Empty(await DecisionSteps.AuditAsync(app, s.Org.Id, "company.merged"));
    }

    [Fact]
    public async Task A_real_company_is_never_merged_with_a_fictional_one_and_a_missing_duplicate_is_a_404()
    {
        await using var app = await RightscopeFactory.StartAsync(ProviderData.Sqlite);
        var s = await SeedAsync(app);
        var fields = await PreviewFieldsAsync(s);
        await DecisionSteps.QueryAsync(app, db => db.Companies.IgnoreQueryFilters().Where(c => c.Id == s.Duplicate)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Fictional, false)));

        var preview = await s.Client.GetAsync($"{MergePage(s)}?duplicate={s.Duplicate}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, preview.StatusCode);
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Contains("A fictional company and a real one are never the same company", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"survivorVersion\"", html, StringComparison.Ordinal);

        var refused = await Forms.PostAsync(s.Client, EditPage(s), fields, MergePage(s));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(2, (await CompanyRegistryTests.CompaniesAsync(app, s.Org.Id)).Count);

        var missing = await s.Client.GetAsync($"{MergePage(s)}?duplicate={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_company_of_another_organization_cannot_be_merged_in_and_a_viewer_cannot_merge()
    {
        await using var app = await RightscopeFactory.StartAsync(ProviderData.Sqlite);
        var s = await SeedAsync(app);
        var other = await SeedAsync(app);
        var fields = await PreviewFieldsAsync(s);
        fields["duplicate"] = other.Duplicate.ToString();

        var foreign = await Forms.PostAsync(s.Client, EditPage(s), fields, MergePage(s));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(2, (await CompanyRegistryTests.CompaniesAsync(app, other.Org.Id)).Count);

        var viewer = await app.AddMemberAsync(s.Org, Role.Viewer);
        var viewerClient = await app.SignInAsync(viewer.Email!);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerClient.GetAsync(MergePage(s))).StatusCode);
        var company = WebUtility.HtmlDecode(await viewerClient.GetStringAsync($"/o/{s.Org.Slug}/companies/{s.Duplicate}"));
        Assert.DoesNotContain("/merge", company, StringComparison.Ordinal);
        Assert.Contains("<dt>Linked cases</dt><dd><5</dd>", company, StringComparison.Ordinal);
        Assert.DoesNotContain($"/cases/{s.DuplicateCase}", company, StringComparison.Ordinal);
    }
}
