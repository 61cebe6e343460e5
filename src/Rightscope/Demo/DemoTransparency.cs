using Rightscope.Core.Accounts;
using Rightscope.Core.Organizations;
using Rightscope.Core.Transparency;
using Rightscope.Data;
using Rightscope.Features.Organizations;
using Rightscope.Features.Transparency;

namespace Rightscope.Demo;

/// <summary>
/// The demo company's government requests: a year of fictional requests (about 40, several countries, types, legal
/// processes and decisions, most with their assessment checklist answered), the second half of the year before loaded
/// as aggregated counts (as if from a report it published then), and the year's transparency report published. Every
/// authority and number is invented: the requests say so in both languages, and the report pages of a demo organization
/// show that its numbers are illustrative demo values.
/// </summary>
public static class DemoTransparency
{
    public const string AggregateFile = "demo-transparency-report-fictional.csv";

    private static readonly (string Country, string Authority)[] Authorities =
    [
        ("DE", "Demo regional police (fictional) · 示例地区警察（虚构）"),
        ("BR", "Demo state court (fictional) · 示例州法院（虚构）"),
        ("IN", "Demo ministry of communications (fictional) · 示例通信部（虚构）"),
        ("US", "Demo district court (fictional) · 示例地区法院（虚构）"),
        ("FR", "Demo investigating judge (fictional) · 示例预审法官（虚构）"),
        ("NG", "Demo communications regulator (fictional) · 示例通信监管机构（虚构）"),
        ("ID", "Demo police cybercrime unit (fictional) · 示例警察网络犯罪部门（虚构）"),
        ("TR", "Demo telecommunications authority (fictional) · 示例电信管理机构（虚构）"),
    ];

    /// <summary>Adds the register, the aggregates and the published report to <paramref name="db"/> (not saved); a summary for the audit entry.</summary>
    public static string? Add(RightscopeDbContext db, Organization organization, Guid analystId, DateTime now)
    {
        if (organization.Kind != OrganizationKind.Company)
        {
            return null;
        }

        var year = now.Year - 1;
        var random = new Random(6);
        var requests = new List<GovernmentRequest>();
        for (var i = 0; i < 40; i++)
        {
            var (country, authority) = Authorities[i % Authorities.Length];
            var type = (i % 9) switch
            {
                0 or 1 or 2 or 3 => RequestType.UserData,
                4 or 5 or 6 => RequestType.ContentRemoval,
                7 => RequestType.AccountRestriction,
                _ => i % 2 == 0 ? RequestType.DataPreservation : RequestType.EmergencyDisclosure,
            };
            if (i == 17)
            {
                type = RequestType.NetworkShutdown;
            }

            var process = type == RequestType.EmergencyDisclosure ? LegalProcess.EmergencyRequest : (LegalProcess)(random.Next(0, 4));
            var received = new DateOnly(year, 1, 1).AddDays(i * 9 + random.Next(0, 7));
            var decision = (RequestDecision)(1 + random.Next(0, 4));
            var answered = i % 5 != 4;
            var lawful = decision is RequestDecision.CompliedFully or RequestDecision.CompliedPartially;
            var accounts = type is RequestType.NetworkShutdown ? 0 : 1 + random.Next(0, 4);
            requests.Add(new GovernmentRequest
            {
                OrganizationId = organization.Id,
                Reference = $"DEMO-{year}-{i + 1:000}",
                ReceivedOn = received,
                CountryCode = country,
                Authority = authority,
                Type = type,
                Process = process,
                AccountsSpecified = accounts,
                ItemsSpecified = type == RequestType.ContentRemoval ? 2 + random.Next(0, 10) : 0,
                Summary = "Fictional demo request · 虚构的示例要求",
                ValidAndBinding = answered ? (process == LegalProcess.InformalRequest ? ChecklistAnswer.No : ChecklistAnswer.Yes) : null,
                ConsistentWithLaw = answered ? (lawful ? ChecklistAnswer.Yes : ChecklistAnswer.Unclear) : null,
                Legality = answered ? (lawful ? ChecklistAnswer.Yes : ChecklistAnswer.No) : null,
                LegitimateAim = answered ? ChecklistAnswer.Yes : null,
                Necessity = answered ? (lawful ? ChecklistAnswer.Yes : ChecklistAnswer.Unclear) : null,
                Proportionality = answered ? (decision == RequestDecision.CompliedFully ? ChecklistAnswer.Yes : ChecklistAnswer.No) : null,
                ProportionalityNote = answered && decision == RequestDecision.CompliedPartially
                    ? "Narrowed to the accounts named in the order (fictional) · 仅限于命令所列账户（虚构）"
                    : "",
                Decision = decision,
                DecidedOn = received.AddDays(3 + random.Next(0, 20)),
                ItemsDisclosedOrRemoved = lawful ? Math.Max(1, accounts / 2) : 0,
                NonDisclosureOrder = i % 6 == 0,
                UserNotified = i % 6 == 0 ? false : lawful,
                CreatedByUserId = analystId,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        db.GovernmentRequests.AddRange(requests);
        var earlier = TransparencyPeriod.OfHalf(year - 1, 2).ToString();
        var aggregates = new[]
        {
            ("DE", RequestType.UserData, LegalProcess.CourtOrder, 14, 19, 8, 3, 3, 0),
            ("BR", RequestType.ContentRemoval, LegalProcess.CourtOrder, 9, 0, 4, 2, 1, 2),
            ("IN", RequestType.ContentRemoval, LegalProcess.AdministrativeOrder, 11, 0, 2, 4, 5, 0),
            ("US", RequestType.UserData, LegalProcess.Subpoena, 7, 12, 3, 2, 2, 0),
            (CountryCodes.None, RequestType.EmergencyDisclosure, LegalProcess.EmergencyRequest, 3, 3, 3, 0, 0, 0),
        };
        foreach (var (country, type, process, total, accounts, fully, partially, rejected, challenged) in aggregates)
        {
            db.GovernmentRequestAggregates.Add(new GovernmentRequestAggregate
            {
                OrganizationId = organization.Id,
                Period = earlier,
                CountryCode = country,
                Type = type,
                Process = process,
                Requests = total,
                AccountsSpecified = accounts,
                CompliedFully = fully,
                CompliedPartially = partially,
                Rejected = rejected,
                ChallengedInCourt = challenged,
                ImportedFrom = AggregateFile,
                ImportedAt = now,
            });
        }

        var period = TransparencyPeriod.OfYear(year);
        var figures = TransparencyFigures.Build(period, requests.Select(r => r.ToCounted()), []);
        var publisher = db.Memberships.Local.FirstOrDefault(m => m.OrganizationId == organization.Id && m.Role == Role.Owner)?.UserId ?? analystId;
        db.TransparencyReports.Add(new TransparencyReport
        {
            OrganizationId = organization.Id,
            Period = period.ToString(),
            Status = TransparencyReportStatus.Published,
            Snapshot = TransparencyDocument.Create(figures, organization.Slug, organization.Name, now).ToJson(),
            PublishedAt = now,
            PublishedByUserId = publisher,
        });
        return $"{requests.Count} fictional government requests of {year}; aggregated counts of {earlier}; transparency report {period} published at /transparency/{organization.Slug}/{period}";
    }

    /// <summary>Whether the organization is one of the demo organizations, whose report pages say the numbers are illustrative.</summary>
    public static bool IsDemo(string slug) => DemoSeeder.Organizations.Any(d => d.Slug == slug);
}
