using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ICSharpCode.SharpZipLib.Zip;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Remedy;
using Rightscope.Data;

namespace Rightscope.Features.Remedy;

/// <summary>
/// One case as an AES-256 encrypted ZIP for handover to another body (README "Remedy", "Handover archive"): the
/// WinZip AE-2 format that 7-Zip, WinZip, p7zip and most archive tools open with the passphrase. Built in memory only —
/// the plaintext never touches the server's disk — from the case opened with the handler's key. Inside: <c>case.json</c>
/// (dates, status, triage, report answers, messages, steps, notes, referrals, outcomes, check-ins, the file list),
/// <c>README.txt</c>, and the files as <c>files/01.bin</c>…: ZIP keeps entry names and sizes unencrypted, so the files'
/// real names (case content) are only in the encrypted <c>case.json</c>.
/// </summary>
public sealed class CaseArchive(RightscopeDbContext db, CaseIntake intake, CaseHandling handling, CaseAttachments attachments)
{
    /// <summary>
    /// The ZIP key is derived with PBKDF2-HMAC-SHA1 and 1000 iterations (fixed by the format), far weaker than Argon2id,
    /// so the passphrase itself must carry the strength: at least this long.
    /// </summary>
    public const int MinPassphraseLength = 16;

    public const int MaxPassphraseLength = 1024;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public async Task<byte[]> BuildAsync(GrievanceCase grievance, Channel channel, CaseKey key, string passphrase, CancellationToken cancellationToken)
    {
        if (passphrase.Length is < MinPassphraseLength or > MaxPassphraseLength)
        {
            throw new ArgumentException("The passphrase length is out of range.", nameof(passphrase));
        }

        var report = Questionnaire.ReadDocument(CaseCipher.DecryptText(key, ContentPurpose.Report, grievance.Report));
        var messages = await intake.MessagesAsync(grievance, key, cancellationToken);
        var workflow = await handling.ReadAsync(grievance, key, cancellationToken);
        var files = await attachments.ListAsync(grievance.Id, key, cancellationToken);
        var company = grievance.CompanyId is { } companyId
            ? await db.Companies.AsNoTracking().Where(c => c.Id == companyId).Select(c => c.NameEn ?? c.NameZhHans).FirstOrDefaultAsync(cancellationToken)
            : null;
        var exportedOn = handling.Today;
        var fileEntries = files.Select((f, i) => (File: f, Entry: string.Create(CultureInfo.InvariantCulture, $"files/{i + 1:00}.bin"))).ToList();

        var document = new
        {
            format = "rightscope-case-archive/1",
            exportedOn = Day(exportedOn),
            @case = new
            {
                number = grievance.Number,
                channel = new { slug = channel.Slug, nameEn = channel.NameEn, nameZh = channel.NameZh, questionnaire = channel.Questionnaire.ToString() },
                status = grievance.Status.ToString(),
                receivedOn = Day(grievance.ReceivedOn),
                acknowledgedOn = Day(grievance.AcknowledgedOn),
                closedOn = Day(grievance.ClosedOn),
                triage = new
                {
                    category = grievance.Category?.ToString(),
                    rights = grievance.Rights,
                    groups = grievance.Groups,
                    company,
                    country = grievance.Country,
                    defender = grievance.Defender,
                    urgency = grievance.Urgency.ToString(),
                },
                reporterSatisfaction = grievance.Satisfaction?.ToString(),
                noRemedyReason = workflow.NoRemedyReason,
            },
            report = new { language = report.Language, questionnaire = report.Questionnaire, answers = report.Answers },
            messages = messages.Select(m => new { author = m.Message.Author.ToString(), sentOn = Day(m.Message.SentOn), text = m.Text }),
            steps = workflow.Steps.Select(s => new { from = s.From.ToString(), action = s.Action.ToString(), to = s.To.ToString(), on = Day(s.On) }),
            notes = workflow.Notes.Select(n => new { author = n.Author, writtenOn = Day(n.Note.WrittenOn), text = n.Text }),
            referrals = workflow.Referrals.Select(r => new
            {
                mechanism = r.Referral.Mechanism.ToString(),
                mode = r.Referral.Mode.ToString(),
                status = r.Referral.Status.ToString(),
                recordedOn = Day(r.Referral.RecordedOn),
                statusOn = Day(r.Referral.StatusOn),
                details = r.Details,
            }),
            remedyOutcomes = workflow.Outcomes.Select(o => new { type = o.Outcome.Type.ToString(), on = Day(o.Outcome.On), description = o.Description }),
            retaliationCheckIns = workflow.CheckIns.Select(c => new
            {
                dueOn = Day(c.CheckIn.DueOn),
                result = c.CheckIn.Result?.ToString(),
                recordedOn = Day(c.CheckIn.RecordedOn),
                note = c.Note,
            }),
            files = fileEntries.Select(f => new
            {
                entry = f.Entry,
                name = f.File.Details.Name,
                type = f.File.Details.Type,
                size = f.File.Details.Size,
                addedBy = f.File.AddedBy.ToString(),
                addedOn = Day(f.File.AddedOn),
                metadataRemoved = f.File.Details.MetadataRemoved,
            }),
        };

        var output = new MemoryStream();
        using (var zip = new ZipOutputStream(output) { IsStreamOwner = false, Password = passphrase })
        {
            zip.SetLevel(6);
            // Every entry carries the export day: the archive tells nothing more precise about when things happened.
            var stamp = exportedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            Add(zip, "README.txt", Encoding.UTF8.GetBytes(Readme), stamp);
            Add(zip, "case.json", JsonSerializer.SerializeToUtf8Bytes(document, Json), stamp);
            foreach (var (file, entry) in fileEntries)
            {
                var opened = await attachments.OpenAsync(grievance.Id, file.Id, key, cancellationToken) ?? throw new CryptoOpenException();
                Add(zip, entry, opened.Content, stamp);
            }

            zip.Finish();
        }

        return output.ToArray();
    }

    private static void Add(ZipOutputStream zip, string name, byte[] content, DateTime stamp)
    {
        try
        {
            zip.PutNextEntry(new ZipEntry(name) { AESKeySize = 256, DateTime = stamp, Size = content.Length });
            zip.Write(content, 0, content.Length);
            zip.CloseEntry();
        }
        finally
        {
            // The plaintext only lived in this buffer; do not leave it for the garbage collector to hand on.
            CryptographicOperations.ZeroMemory(content);
        }
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private const string Readme = """
        Rightscope case archive (format rightscope-case-archive/1)

        case.json   the case: dates (days only), status, triage, the report's answers, messages with the reporter,
                    workflow steps, internal notes, referrals, remedy outcomes and retaliation check-ins.
        files/      the files sent with the case, numbered; their real names and types are listed under "files"
                    in case.json (ZIP does not encrypt entry names, so the names are kept inside case.json).

        This archive holds the identity and testimony of a person who may be at risk. Keep it encrypted, share the
        passphrase through a different channel than the archive, and delete your copies when the handover is done.
        """;
}
