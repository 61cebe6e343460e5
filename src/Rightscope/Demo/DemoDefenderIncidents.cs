using System.Text.Json;
using Rightscope.Core.Organizations;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Features.Remedy;

namespace Rightscope.Demo;

/// <summary>
/// The civil-society demo's defender-incident channel <c>/report/defenders</c>, received by its demo case handler, with
/// <see cref="IncidentCount"/> FICTIONAL incidents over the last five calendar years, so the statistics page
/// (<c>/o/demo-civil-society/statistics</c>) shows numbers and both kinds of suppression. Every incident is stored as a
/// real submission would be (answers encrypted under its own case key, sealed to the handler, who can open it with
/// the printed demo password); the triage metadata is set as a handler would set it. The profile of each incident comes
/// from a fixed formula over its index, so every run produces the same counts. The receipts are thrown away:
/// nobody follows these up, and deriving each reporter key at the smallest cost keeps the demo command fast.
/// </summary>
public static class DemoDefenderIncidents
{
    public const string Slug = "defenders";

    public const int IncidentCount = 96;

    private static readonly KeyDerivationCost ThrowAwayReceiptCost = KeyDerivationCost.Reduced(KeyDerivationCost.AbsoluteMinimumMemoryKiB, 1);

    // Weighted code lists (code, weight): common values give large cells, rare ones small cells to suppress.
    private static readonly (string Code, int Weight)[] Violations =
    [
        ("online-harassment", 9), ("targeted-surveillance", 6), ("account-hacking", 5), ("spyware", 4), ("doxxing", 3),
        ("arbitrary-detention", 3), ("internet-shutdown", 2), ("kidnapping", 1), ("other-harmful-act", 1),
    ];

    private static readonly (string Code, int Weight)[] Perpetrators = [("state", 5), ("non-state", 4), ("unknown", 2)];

    private static readonly (string Code, int Weight)[] Sexes = [("female", 8), ("male", 6), ("other", 1), (Questionnaire.PreferNotToSay, 1)];

    private static readonly (string Code, int Weight)[] Ages = [("18-29", 5), ("30-44", 6), ("45-59", 3), ("60-plus", 1), (Questionnaire.PreferNotToSay, 1)];

    private static readonly (string Code, int Weight)[] Groups = [("journalist", 6), ("women-human-rights-defender", 4), ("environmental-land-defender", 3), ("lawyer", 2), ("lgbti", 1)];

    private static readonly (string Code, int Weight)[] Countries = [("KE", 5), ("PH", 4), ("BR", 4), ("MX", 3), ("IN", 2), ("TR", 1)];

    // Weights of the five calendar years, oldest first: more incidents recently, as the channel became known.
    private static readonly int[] YearWeights = [1, 2, 3, 4, 4];

    public static string? Add(RightscopeDbContext db, Guid organizationId, OrganizationKind kind, Guid handlerId, string handlerPassword, KeyDerivationCost receiptCost, DateTime now)
    {
        if (kind != OrganizationKind.CivilSociety)
        {
            return null;
        }

        var publicKey = RecipientPublicKey.FromBytes(DemoChannel.AddHandlerKey(db, handlerId, handlerPassword, now));
        var channel = new Channel
        {
            OrganizationId = organizationId,
            Slug = Slug,
            NameEn = "Demo defender incident reports (fictional)",
            NameZh = "示例人权维护者事件报告（虚构）",
            IntroEn = "A demonstration channel of a fictional civil-society organization for incidents against human rights defenders. Do not send real reports here.",
            IntroZh = "虚构民间社会组织用于报告针对人权维护者事件的演示渠道。请勿在此提交真实举报。",
            Questionnaire = QuestionnaireKind.DefenderIncident,
            // The longest period allowed, so the five years of demo incidents are not purged by retention.
            RetentionDays = Channel.MaxRetentionDays,
            ReceiptSalt = ReporterAccessKey.NewSalt(),
            ReceiptCost = receiptCost.ToDescriptor(),
            CreatedAt = now,
        };
        db.Channels.Add(channel);
        db.ChannelRecipients.Add(new ChannelRecipient { OrganizationId = organizationId, ChannelId = channel.Id, UserId = handlerId });

        var today = DateOnly.FromDateTime(now);
        for (var i = 0; i < IncidentCount; i++)
        {
            var incident = Incident(i, today);
            using var caseKey = CaseKey.Create(Guid.NewGuid());
            using var receipt = Receipt.Generate();
            using var access = ReporterAccessKey.Derive(receipt, channel.ReceiptSalt, ThrowAwayReceiptCost);
            var language = i % 3 == 0 ? "zh-Hans" : "en";
            var answers = new Dictionary<string, string?>
            {
                ["violation"] = incident.Violation,
                ["perpetrator"] = incident.Perpetrator,
                ["sex"] = incident.Sex,
                ["age"] = incident.Age,
                ["group"] = incident.Group,
                ["description"] = language == "en"
                    ? $"Fictional demo incident {i + 1}: no real person or event is described."
                    : $"虚构演示事件 {i + 1}：不涉及任何真实人物或事件。",
            };
            var recent = incident.ReceivedOn > today.AddDays(-60);
            var grievance = new GrievanceCase
            {
                Id = caseKey.CaseId,
                OrganizationId = organizationId,
                ChannelId = channel.Id,
                Number = i + 1,
                Status = recent ? CaseStatus.Acknowledged : CaseStatus.Closed,
                ReceivedOn = incident.ReceivedOn,
                AcknowledgedOn = incident.ReceivedOn.AddDays(2),
                ClosedOn = recent ? null : incident.ReceivedOn.AddDays(45),
                LookupId = access.LookupId,
                ReporterEnvelope = ReporterEnvelope.Seal(caseKey, access),
                Report = CaseCipher.EncryptText(caseKey, ContentPurpose.Report, Questionnaire.ToDocument(QuestionnaireKind.DefenderIncident, language, answers)),
                NoRemedyReason = recent ? null : CaseContent.Seal(caseKey, ContentPurpose.NoRemedyReason, "Fictional demo incident: documented for statistics and referred to a protection network."),
                Category = CategoryOf(incident.Violation),
                GroupKeys = JsonSerializer.Serialize(GroupKeysOf(incident.Group)),
                Country = incident.Country,
                Defender = true,
                Perpetrator = PerpetratorOf(incident.Perpetrator),
                VictimSex = Enum.GetValues<VictimSex>().Cast<VictimSex?>().FirstOrDefault(s => s!.Value.ToCode() == incident.Sex),
                VictimAgeBand = Enum.GetValues<AgeBand>().Cast<AgeBand?>().FirstOrDefault(a => a!.Value.ToCode() == incident.Age),
                ViolationTypeKeys = ViolationTypeList.Write(ViolationTypesOf(i, incident.Violation)),
            };
            db.Cases.Add(grievance);
            db.CaseRecipientEnvelopes.Add(new CaseRecipientEnvelope
            {
                OrganizationId = organizationId,
                CaseId = grievance.Id,
                UserId = handlerId,
                SealedKey = SealedBox.Seal(caseKey, publicKey),
            });
        }

        return $"defender-incident channel /report/{Slug} with {IncidentCount} fictional incidents for the statistics";
    }

    private sealed record DemoIncident(DateOnly ReceivedOn, string Violation, string Perpetrator, string Sex, string Age, string Group, string Country);

    /// <summary>Incident <paramref name="index"/>: each attribute picked by its own multiplicative hash of the index.</summary>
    private static DemoIncident Incident(int index, DateOnly today)
    {
        var yearOffset = Pick(index, 7, YearWeights.Select((w, i) => (i, w)).ToArray());
        var year = today.Year - 4 + yearOffset;
        var lastDay = year == today.Year ? today.DayOfYear - 1 : 364;
        var day = (int)(Hash(index, 11) % (uint)Math.Max(1, lastDay));
        return new DemoIncident(
            new DateOnly(year, 1, 1).AddDays(day),
            Pick(index, 1, Violations),
            Pick(index, 2, Perpetrators),
            Pick(index, 3, Sexes),
            Pick(index, 4, Ages),
            Pick(index, 5, Groups),
            Pick(index, 6, Countries));
    }

    private static T Pick<T>(int index, uint salt, (T Value, int Weight)[] choices)
    {
        var roll = (int)(Hash(index, salt) % (uint)choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        throw new InvalidOperationException("Unreachable: the roll is below the total weight.");
    }

    private static uint Hash(int index, uint salt)
    {
        unchecked
        {
            var x = ((uint)index + 1) * 2654435761u ^ (salt * 40503u);
            x ^= x >> 15;
            x *= 2246822519u;
            x ^= x >> 13;
            return x;
        }
    }

    private static CaseCategory CategoryOf(string violation) => violation switch
    {
        "targeted-surveillance" or "spyware" => CaseCategory.Surveillance,
        "account-hacking" or "doxxing" => CaseCategory.PrivacyAndData,
        "online-harassment" => CaseCategory.OnlineHarassment,
        "internet-shutdown" => CaseCategory.FreedomOfExpression,
        _ => CaseCategory.ThreatToDefender,
    };

    /// <summary>
    /// The reported violation, and for about one incident in four online harassment besides (as the handler would
    /// record when the description tells of both), so the table by violation type shows a case counted under two types.
    /// </summary>
    private static IEnumerable<ViolationType> ViolationTypesOf(int index, string violation)
    {
        var reported = ViolationTypeCodes.FromCode(violation) ?? throw new InvalidOperationException($"Not a violation code: {violation}");
        return Hash(index, 8) % 4 == 0 ? [reported, ViolationType.OnlineHarassment] : [reported];
    }

    private static PerpetratorType PerpetratorOf(string code) =>
        Enum.GetValues<PerpetratorType>().First(p => p.ToCode() == code);

    /// <summary>The questionnaire's group as keys of the <c>affected-groups</c> catalog.</summary>
    private static string[] GroupKeysOf(string group) => group switch
    {
        "journalist" => ["human-rights-defenders", "journalists-and-media-workers"],
        "women-human-rights-defender" => ["women-human-rights-defenders"],
        "environmental-land-defender" => ["human-rights-defenders", "indigenous-peoples"],
        "lawyer" => ["human-rights-defenders", "lawyers-and-legal-representatives"],
        _ => ["human-rights-defenders", "lgbti-people"],
    };
}
