using System.Globalization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Organizations;
using Rightscope.Core.Remedy;
using Rightscope.Core.Transparency;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Features.Organizations;
using Rightscope.Features.Remedy;
using Rightscope.Features.Transparency;

namespace Rightscope.Demo;

/// <summary>
/// The company half of <c>rightscope demo --scale</c> (issue 8): a fictional company organization beside the scale
/// investor, with a grievance channel and a defender-incident channel whose cases are really encrypted — a case key
/// each, sealed to the scale case handler and wrapped for a reporter whose receipt is thrown away —, a register of
/// government requests over two calendar years, and an illustrative indicator dataset. The receipts use
/// <see cref="ReceiptCost"/>, a reduced Argon2id cost that is recorded on both channels (so the data says it is demo
/// data); everything else is the production code path's format. Runs in a scope of its own (a scope serves one
/// organization).
/// </summary>
public sealed class ScaleCompanySeeder(
    RightscopeDbContext db,
    ScaleMembers scaleMembers,
    OrganizationProvisioner provisioner,
    TenantScope tenant,
    TimeProvider clock)
{
    /// <summary>8 KiB, one pass: about 25 µs a derivation, so 200,000 cases take minutes, not hours.</summary>
    public static readonly KeyDerivationCost ReceiptCost = KeyDerivationCost.Reduced(8, 1);

    /// <summary>The two calendar years of government requests, so <c>2024</c>, <c>2025</c> and their halves are full periods.</summary>
    public static readonly int[] RequestYears = [2024, 2025];

    /// <summary>Cases (sealed in parallel, then written) or government requests per transaction.</summary>
    private const int BatchSize = 5000;

    /// <summary>Cases reach back this many days; retention is longer, so the retention job keeps them.</summary>
    private const int CaseHistoryDays = 730;

    private static readonly string[] CaseCountries =
    [
        "BR", "IN", "ID", "NG", "KE", "MX", "PH", "PK", "TR", "EG", "ZA", "CO", "VN", "BD", "US", "DE", "FR", "GB", "ET", "GH",
    ];

    private static readonly string[] RequestCountries =
    [
        "US", "IN", "BR", "DE", "FR", "GB", "TR", "RU", "MX", "ID", "JP", "KR", "PK", "NG", "AR", "PH", "EG", "ES", "IT", "AU",
        "CA", "PL", "TH", "VN", "MY", "SA", "AE", "KE", "ZA", "CO", "CL", "PE", "BD", "NL", "SE", "CH", "IL", "UA", "KZ", "ET",
    ];

    private static readonly string[] Products = ["Messaging app", "Cloud storage", "Smart camera", "Ad platform", "Maps and location"];

    private static readonly ViolationType[] Violations = Enum.GetValues<ViolationType>();

    /// <summary>The violations a general channel's product case may be triaged as (about a third of the triaged ones).</summary>
    private static readonly ViolationType[] ProductViolations =
    [
        ViolationType.Spyware, ViolationType.TargetedSurveillance, ViolationType.AccountHacking, ViolationType.Doxxing,
        ViolationType.OnlineHarassment, ViolationType.InternetShutdown,
    ];

    // In the order of PerpetratorType, VictimSex and AgeBand.
    private static readonly string[] PerpetratorCodes = ["state", "non-state", "unknown"];

    private static readonly string[] SexCodes = ["female", "male", "other"];

    private static readonly string[] AgeCodes = ["under-18", "18-29", "30-44", "45-59", "60-plus"];

    public sealed record Seeded(IReadOnlyList<ScaleSeeder.Member> Members, string Summary);

    public static string SlugOf(string investorSlug) => $"{investorSlug}-company";

    public static string DefenderChannelSlugOf(string companySlug) => $"{companySlug}-defenders";

    public async Task<Seeded> SeedAsync(string investorSlug, ScaleSize size, ScaleSeeder.Progress progress, CancellationToken cancellationToken)
    {
        var slug = SlugOf(investorSlug);
        var members = new List<ScaleSeeder.Member>();
        var ownerPassword = ScaleMembers.NewPassword();
        var provisioned = await provisioner.CreateOwnerAsync(
            new NewOrganization(slug, $"Scale Company (fictional, {size.Name}) · 规模测试公司（虚构，{size.Name}）", OrganizationKind.Company),
            new NewOwner(ScaleMembers.EmailOf(slug, Role.Owner), "Scale company owner", ownerPassword),
            AuditActor.System,
            allowExistingOrganization: false,
            cancellationToken);
        if (!provisioned.Succeeded)
        {
            throw new InvalidOperationException($"The scale organization {slug} could not be created: {provisioned.Errors[0].Field}: {provisioned.Errors[0].Message}");
        }

        var organizationId = provisioned.Organization!.Id;
        members.Add(new ScaleSeeder.Member(ScaleMembers.EmailOf(slug, Role.Owner), Role.Owner, ownerPassword, slug));
        tenant.Enter(organizationId);
        var handler = await scaleMembers.AddAsync(organizationId, slug, Role.CaseHandler, members, cancellationToken);
        var handlerPassword = members[^1].Password;

        // A sequence of its own, so the investor data stays what it was before the company half existed.
        var random = new Random(ScaleSeeder.Seed + 1);
        var now = clock.GetUtcNow().UtcDateTime;
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            int general, defender, requests;
            await using (var writer = new ScaleBulkWriter(db))
            {
                await writer.OpenAsync(cancellationToken);
                (general, defender) = await AddCasesAsync(writer, random, organizationId, slug, handler, handlerPassword, size.Cases, now, progress, cancellationToken);
                requests = await AddGovernmentRequestsAsync(writer, random, organizationId, size.GovernmentRequests, now, progress, cancellationToken);
            }

            var countries = Core.Companies.Country.All.Select(c => c.Alpha2).Order(StringComparer.Ordinal).Take(size.IndicatorCountries).ToList();
            progress("indicator data", 0, countries.Count);
            var indicators = DemoIndicators.AddDataset(db, organizationId, $"Scale digital divide (illustrative, {size.Name}) · 规模测试数字鸿沟（示例，{size.Name}）", countries, now);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress("indicator data", countries.Count, countries.Count);
            return new Seeded(members, string.Create(CultureInfo.InvariantCulture,
                $"company {slug}: {general + defender} encrypted grievance cases ({defender} defender incidents; receipt cost {ReceiptCost.ToDescriptor()}), " +
                $"{requests} government requests in {RequestYears[0]}–{RequestYears[^1]}, {indicators} indicator values for {countries.Count} countries"));
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private sealed record CasePlan(
        int Number, bool Defender, CaseStatus Status, DateOnly ReceivedOn, DateOnly? AcknowledgedOn, DateOnly? ClosedOn, CaseCategory? Category,
        CaseUrgency Urgency, string Country, Dictionary<string, string?> Answers, bool Chinese, string ViolationTypeKeys,
        PerpetratorType? Perpetrator = null, VictimSex? Sex = null, AgeBand? Age = null);

    /// <summary>The two channels and their cases; the number of general cases and of defender incidents.</summary>
    private async Task<(int General, int Defender)> AddCasesAsync(
        ScaleBulkWriter writer, Random random, Guid organizationId, string slug, Guid handler, string handlerPassword, int count, DateTime now, ScaleSeeder.Progress progress,
        CancellationToken cancellationToken)
    {
        var handlerKey = RecipientPublicKey.FromBytes(DemoChannel.AddHandlerKey(db, handler, handlerPassword, now));
        var general = NewChannel(organizationId, slug, QuestionnaireKind.General, "Scale Company grievance channel (fictional)", "规模测试公司申诉渠道（虚构）", now);
        var defender = NewChannel(organizationId, DefenderChannelSlugOf(slug), QuestionnaireKind.DefenderIncident,
            "Scale Company defender incidents (fictional)", "规模测试公司维权者事件渠道（虚构）", now);
        db.Channels.AddRange(general, defender);
        db.ChannelRecipients.AddRange(
            new ChannelRecipient { OrganizationId = organizationId, ChannelId = general.Id, UserId = handler },
            new ChannelRecipient { OrganizationId = organizationId, ChannelId = defender.Id, UserId = handler });
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var today = DateOnly.FromDateTime(now);
        var defenders = 0;

        // Drawn in order from the seeded sequence; only the encryption (random by nature) runs in parallel, and the next
        // batch is sealed while this one is written, so the cores seal while the database inserts.
        Task<Sealed> SealNext(int start)
        {
            var plans = Enumerable.Range(start, Math.Min(BatchSize, count - start)).Select(i => Plan(random, i + 1, today)).ToList();
            defenders += plans.Count(p => p.Defender);
            return Task.Run(() => SealAll(plans, general, defender, handler, handlerKey), cancellationToken);
        }

        progress("grievance cases", 0, count);
        var sealing = count > 0 ? SealNext(0) : null;
        for (var start = 0; sealing is not null; start += BatchSize)
        {
            var batch = await sealing;
            sealing = start + BatchSize < count ? SealNext(start + BatchSize) : null;
            await writer.InTransactionAsync(async () =>
            {
                await db.InsertAsync(batch.Cases, cancellationToken);
                await db.InsertAsync(batch.Envelopes, cancellationToken);
            }, cancellationToken);
            progress("grievance cases", start + batch.Cases.Length, count);
        }

        return (count - defenders, defenders);
    }

    private sealed record Sealed(GrievanceCase[] Cases, CaseRecipientEnvelope[] Envelopes);

    private static Sealed SealAll(List<CasePlan> plans, Channel general, Channel defender, Guid handler, RecipientPublicKey handlerKey)
    {
        var cases = new GrievanceCase[plans.Count];
        var envelopes = new CaseRecipientEnvelope[plans.Count];
        Parallel.For(0, plans.Count, k =>
        {
            var plan = plans[k];
            (cases[k], envelopes[k]) = Seal(plan, plan.Defender ? defender : general, handler, handlerKey);
        });
        return new Sealed(cases, envelopes);
    }

    private static Channel NewChannel(Guid organizationId, string slug, QuestionnaireKind kind, string nameEn, string nameZh, DateTime now) => new()
    {
        OrganizationId = organizationId,
        Slug = slug,
        NameEn = nameEn,
        NameZh = nameZh,
        IntroEn = "Generated for benchmarks of a fictional company. Do not send real reports here.",
        IntroZh = "为虚构公司的基准测试而生成。请勿在此提交真实举报。",
        Questionnaire = kind,
        RetentionDays = Channel.MaxRetentionDays,
        ReceiptSalt = ReporterAccessKey.NewSalt(),
        ReceiptCost = ReceiptCost.ToDescriptor(),
        CreatedAt = now,
    };

    /// <summary>
    /// One case's coarse facts: received in the last two years, older cases mostly closed, about one in seven a defender
    /// incident, acknowledgements after 0–10 days (so some are late against the 7-day service level). Triaged cases
    /// carry the violation types the statistics count: a defender incident its answered violation (with perpetrator,
    /// sex and age band), a third of the other cases a digital harm.
    /// </summary>
    private static CasePlan Plan(Random random, int number, DateOnly today)
    {
        var defender = random.Next(7) == 0;
        var receivedOn = today.AddDays(-random.Next(CaseHistoryDays));
        var age = today.DayNumber - receivedOn.DayNumber;
        var status = age > 120 && random.Next(10) < 8
            ? CaseStatus.Closed
            : (CaseStatus)random.Next((int)CaseStatus.Closed + 1);
        DateOnly? acknowledgedOn = status == CaseStatus.Received ? null : Min(receivedOn.AddDays(random.Next(11)), today);
        DateOnly? closedOn = status == CaseStatus.Closed ? Min(acknowledgedOn!.Value.AddDays(5 + random.Next(116)), today) : null;
        CaseCategory? category = status == CaseStatus.Received
            ? null
            : defender ? CaseCategory.ThreatToDefender : (CaseCategory)random.Next((int)CaseCategory.ThreatToDefender);
        var urgency = random.Next(20) switch { 0 => CaseUrgency.Critical, < 4 => CaseUrgency.High, _ => CaseUrgency.Normal };
        var country = CaseCountries[random.Next(CaseCountries.Length)];
        var chinese = random.Next(3) == 0;
        // The defender questionnaire's answers; the same values go into the plaintext triage once a handler has triaged.
        var perpetrator = random.Next(3);
        var sex = random.Next(4);
        var ageBand = random.Next(6);
        var violation = defender ? Violations[random.Next(Violations.Length)] : (ViolationType?)null;
        var answers = defender
            ? new Dictionary<string, string?>
            {
                ["violation"] = violation!.Value.ToCode(),
                ["perpetrator"] = PerpetratorCodes[perpetrator],
                ["sex"] = sex < SexCodes.Length ? SexCodes[sex] : Questionnaire.PreferNotToSay,
                ["age"] = ageBand < AgeCodes.Length ? AgeCodes[ageBand] : Questionnaire.PreferNotToSay,
                ["group"] = random.Next(4) switch { 0 => "journalist", 1 => "lawyer", 2 => "women-human-rights-defender", _ => Questionnaire.PreferNotToSay },
                ["description"] = Description(number, chinese),
            }
            : new Dictionary<string, string?>
            {
                ["what-happened"] = Description(number, chinese),
                ["product"] = Products[random.Next(Products.Length)],
                ["country"] = country,
            };
        if (!defender && category is not null && random.Next(3) == 0)
        {
            violation = ProductViolations[random.Next(ProductViolations.Length)];
        }

        var profiled = defender && category is not null;
        return new CasePlan(number, defender, status, receivedOn, acknowledgedOn, closedOn, category, urgency, country, answers, chinese,
            category is null || violation is null ? "[]" : ViolationTypeList.Write([violation.Value]),
            profiled ? (PerpetratorType)perpetrator : null,
            profiled && sex < SexCodes.Length ? (VictimSex)sex : null,
            profiled && ageBand < AgeCodes.Length ? (AgeBand)ageBand : null);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Description(int number, bool chinese) => chinese
        ? string.Create(CultureInfo.InvariantCulture, $"规模测试案件 {number}：为基准测试生成的虚构举报，不涉及任何真实的人或事件。")
        : string.Create(CultureInfo.InvariantCulture, $"Scale case {number}: a fictional report generated for benchmarks; it describes no real person or event.");

    /// <summary>The case as the public channel stores it: content under a new case key, the key sealed to the handler and wrapped for a receipt nobody keeps.</summary>
    private static (GrievanceCase Case, CaseRecipientEnvelope Envelope) Seal(CasePlan plan, Channel channel, Guid handler, RecipientPublicKey handlerKey)
    {
        using var caseKey = CaseKey.Create(Guid.NewGuid());
        using var receipt = Receipt.Generate();
        using var access = ReporterAccessKey.Derive(receipt, channel.ReceiptSalt, ReceiptCost);
        var document = Questionnaire.ToDocument(channel.Questionnaire, plan.Chinese ? "zh-Hans" : "en", plan.Answers);
        var grievance = new GrievanceCase
        {
            Id = caseKey.CaseId,
            OrganizationId = channel.OrganizationId,
            ChannelId = channel.Id,
            Number = plan.Number,
            Status = plan.Status,
            ReceivedOn = plan.ReceivedOn,
            AcknowledgedOn = plan.AcknowledgedOn,
            ClosedOn = plan.ClosedOn,
            LookupId = access.LookupId,
            ReporterEnvelope = ReporterEnvelope.Seal(caseKey, access),
            Report = CaseCipher.EncryptText(caseKey, ContentPurpose.Report, document),
            Category = plan.Category,
            Country = plan.Category is null ? null : plan.Country,
            Defender = plan.Defender,
            Urgency = plan.Urgency,
            Perpetrator = plan.Perpetrator,
            VictimSex = plan.Sex,
            VictimAgeBand = plan.Age,
            ViolationTypeKeys = plan.ViolationTypeKeys,
            AssignedUserId = plan.Category is null ? null : handler,
        };
        var envelope = new CaseRecipientEnvelope
        {
            OrganizationId = channel.OrganizationId,
            CaseId = grievance.Id,
            UserId = handler,
            SealedKey = SealedBox.Seal(caseKey, handlerKey),
        };
        return (grievance, envelope);
    }

    /// <summary>The register: requests spread over <see cref="RequestYears"/>, most for user data, about a third refused or challenged.</summary>
    private async Task<int> AddGovernmentRequestsAsync(ScaleBulkWriter writer, Random random, Guid organizationId, int count, DateTime now, ScaleSeeder.Progress progress, CancellationToken cancellationToken)
    {
        var first = new DateOnly(RequestYears[0], 1, 1);
        var days = new DateOnly(RequestYears[^1], 12, 31).DayNumber - first.DayNumber + 1;
        progress("government requests", 0, count);
        for (var start = 0; start < count; start += BatchSize)
        {
            var batch = Math.Min(BatchSize, count - start);
            var requests = new List<GovernmentRequest>(batch);
            for (var i = 0; i < batch; i++)
            {
                // Skewed towards the first countries of the list, as published reports are.
                var country = RequestCountries[(int)(RequestCountries.Length * Math.Pow(random.NextDouble(), 2))];
                var type = random.Next(100) switch
                {
                    < 55 => RequestType.UserData,
                    < 80 => RequestType.ContentRemoval,
                    < 90 => RequestType.AccountRestriction,
                    < 96 => RequestType.DataPreservation,
                    < 99 => RequestType.EmergencyDisclosure,
                    _ => RequestType.NetworkShutdown,
                };
                var process = (LegalProcess)random.Next(Enum.GetValues<LegalProcess>().Length);
                var receivedOn = first.AddDays(random.Next(days));
                var decision = random.Next(100) switch
                {
                    < 45 => RequestDecision.CompliedFully,
                    < 65 => RequestDecision.CompliedPartially,
                    < 95 => RequestDecision.Rejected,
                    < 98 => RequestDecision.ChallengedInCourt,
                    _ => RequestDecision.Pending,
                };
                var accounts = 1 + (int)(20 * Math.Pow(random.NextDouble(), 4));
                var lawful = random.Next(10) < 7 ? ChecklistAnswer.Yes : random.Next(2) == 0 ? ChecklistAnswer.No : ChecklistAnswer.Unclear;
                requests.Add(new GovernmentRequest
                {
                    OrganizationId = organizationId,
                    Reference = string.Create(CultureInfo.InvariantCulture, $"SCALE-{start + i + 1:D6}"),
                    ReceivedOn = receivedOn,
                    CountryCode = country,
                    Authority = string.Create(CultureInfo.InvariantCulture, $"Fictional authority {random.Next(1, 25)} ({country})"),
                    Type = type,
                    Process = process,
                    AccountsSpecified = type == RequestType.NetworkShutdown ? 0 : accounts,
                    ItemsSpecified = type == RequestType.ContentRemoval ? accounts * 2 : 0,
                    Summary = "Generated for benchmarks; fictional. · 为基准测试生成；虚构。",
                    ValidAndBinding = ChecklistAnswer.Yes,
                    ConsistentWithLaw = lawful,
                    Legality = lawful,
                    LegitimateAim = ChecklistAnswer.Yes,
                    Necessity = lawful,
                    Proportionality = random.Next(4) == 0 ? ChecklistAnswer.No : ChecklistAnswer.Yes,
                    Decision = decision,
                    DecidedOn = decision == RequestDecision.Pending ? null : receivedOn.AddDays(random.Next(1, 30)),
                    ItemsDisclosedOrRemoved = decision is RequestDecision.CompliedFully or RequestDecision.CompliedPartially ? 1 + random.Next(accounts) : 0,
                    NonDisclosureOrder = random.Next(10) == 0,
                    UserNotified = decision == RequestDecision.Pending ? null : random.Next(3) != 0,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }

            await writer.InTransactionAsync(() => db.InsertAsync(requests, cancellationToken), cancellationToken);
            progress("government requests", start + batch, count);
        }

        return count;
    }
}
