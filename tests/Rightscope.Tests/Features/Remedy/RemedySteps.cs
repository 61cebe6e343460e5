using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Rightscope.Core.Accounts;
using Rightscope.Core.Organizations;
using Rightscope.Features.Accounts;
using Rightscope.Features.Organizations;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Remedy;

/// <summary>A company with a case handler who has case keys and a channel sealed to them, all set up through the pages.</summary>
public sealed record RemedySetup(Organization Organization, User Owner, User Handler, HttpClient OwnerClient, HttpClient HandlerClient, string Channel, string ChannelName)
{
    /// <summary>The handler's recovery key, as shown once when the case keys were created.</summary>
    public string RecoveryKey { get; init; } = "";
}

public static partial class RemedySteps
{
    [GeneratedRegex("data-testid=\"recovery-key\"><code>([0-9A-Z-]+)</code>")]
    internal static partial Regex RecoveryKeyPattern();

    [GeneratedRegex("data-testid=\"receipt\"><strong>([0-9 ]+)</strong>")]
    private static partial Regex ReceiptPattern();

    public static async Task<RemedySetup> SetUpAsync(RightscopeFactory app, string questionnaire = "general")
    {
        var (organization, owner) = await app.CreateOrganizationAsync(OrganizationKind.Company);
        var handler = await app.AddMemberAsync(organization, Role.CaseHandler);
        var handlerClient = await app.SignInAsync(handler.Email!);
        var keys = await Forms.PostAsync(handlerClient, "/account/case-keys", new Dictionary<string, string> { ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
        var keysHtml = await keys.Content.ReadAsStringAsync();
        var recoveryKey = RecoveryKeyPattern().Match(keysHtml).Groups[1].Value;
        Assert.NotEmpty(recoveryKey);

        var ownerClient = await app.SignInAsync(owner.Email!);
        var slug = TestData.UniqueSlug("ch");
        var name = "Channel " + Guid.NewGuid().ToString("N");
        var created = await Forms.PostAsync(ownerClient, $"/o/{organization.Slug}/channels", new Dictionary<string, string>
        {
            ["Input.Slug"] = slug,
            ["Input.NameEn"] = name,
            ["Input.NameZh"] = "测试渠道",
            ["Input.Questionnaire"] = questionnaire,
            ["Input.RetentionDays"] = "365",
            ["Input.Recipients"] = handler.Id.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return new RemedySetup(organization, owner, handler, ownerClient, handlerClient, slug, name) { RecoveryKey = recoveryKey };
    }

    /// <summary>Submits the general form as an anonymous browser; returns the response and the receipt shown, if any.</summary>
    public static async Task<(HttpResponseMessage Response, string Html, string? Receipt)> SubmitAsync(
        HttpClient client, string channel, string whatHappened, string lang = "en", IDictionary<string, string>? more = null)
    {
        var url = $"/report/{channel}?lang={lang}";
        var fields = new Dictionary<string, string> { ["Answers[what-happened]"] = whatHappened };
        foreach (var (key, value) in more ?? new Dictionary<string, string>())
        {
            fields[key] = value;
        }

        var response = await Forms.PostAsync(client, url, fields);
        var html = await response.Content.ReadAsStringAsync();
        var match = ReceiptPattern().Match(html);
        return (response, html, match.Success ? match.Groups[1].Value : null);
    }

    public static Task<HttpResponseMessage> FollowUpAsync(HttpClient client, string channel, string receipt, string lang = "en") =>
        Forms.PostAsync(client, $"/report/{channel}/follow-up?lang={lang}", new Dictionary<string, string> { ["Receipt"] = receipt });

    public static async Task UnlockAsync(HttpClient handler)
    {
        var response = await Forms.PostAsync(handler, "/account/case-keys/unlock", new Dictionary<string, string> { ["Password"] = TestData.Password, ["ReturnUrl"] = "/orgs" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static async Task<List<string>> CaseIdsAsync(HttpClient handler, Organization organization)
    {
        var html = await (await handler.GetAsync($"/o/{organization.Slug}/cases")).Content.ReadAsStringAsync();
        return Regex.Matches(html, $"/o/{organization.Slug}/cases/([0-9a-f-]{{36}})").Select(m => m.Groups[1].Value).Distinct().ToList();
    }

    /// <summary>
    /// Where <paramref name="needle"/> occurs in the stored data: every file of the data directory (SQLite database,
    /// -wal, -shm, keys) and, on PostgreSQL, a pg_dump of the database (text, and bytea as hex).
    /// </summary>
    public static async Task<List<string>> StoredOccurrencesAsync(RightscopeFactory app, string needle)
    {
        var found = new List<string>();
        var utf8 = Encoding.UTF8.GetBytes(needle);
        foreach (var file in Directory.EnumerateFiles(app.Database.DataDirectory, "*", SearchOption.AllDirectories))
        {
            byte[] bytes;
            await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                using var memory = new MemoryStream();
                await stream.CopyToAsync(memory);
                bytes = memory.ToArray();
            }

            if (bytes.AsSpan().IndexOf(utf8) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)) >= 0)
            {
                found.Add(Path.GetFileName(file));
            }
        }

        if (app.Database.Provider == ProviderData.Postgres)
        {
            var dump = await PgDumpAsync(app.Database.ConnectionString!);
            if (dump.Contains(needle, StringComparison.Ordinal) || dump.Contains(Convert.ToHexStringLower(utf8), StringComparison.Ordinal))
            {
                found.Add("pg_dump");
            }
        }

        return found;
    }

    /// <summary>
    /// Files in ASP.NET Core's temporary directory (<see cref="AspNetCoreTemp"/>) that contain <paramref name="needle"/>.
    /// RemedyFilesTests also looks while each request is still running, before the framework would have deleted its buffers.
    /// </summary>
    public static List<string> TemporaryOccurrences(string needle)
    {
        var utf8 = Encoding.UTF8.GetBytes(needle);
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(AspNetCoreTemp.Directory, "*", SearchOption.AllDirectories))
        {
            try
            {
                if (File.ReadAllBytes(file).AsSpan().IndexOf(utf8) >= 0)
                {
                    found.Add(file);
                }
            }
            catch (IOException)
            {
                // Another test's buffer, deleted meanwhile.
            }
        }

        return found;
    }

    private static async Task<string> PgDumpAsync(string connectionString)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var start = new ProcessStartInfo("pg_dump", ["--data-only", "--no-owner", "-h", parts["Host"], "-U", parts["Username"], "-d", parts["Database"]])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PGPASSWORD"] = parts["Password"];
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_dump failed: {await error}");
        var dump = await output;
        Assert.Contains("COPY public.\"Cases\"", dump, StringComparison.Ordinal);
        return dump;
    }
}

/// <summary>Keeps every log message of a test host, at every level.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {state} {exception}");
    }
}

/// <summary>A file as a browser sends it: its name and bytes.</summary>
public sealed record UploadFile(string Name, byte[] Content);

/// <summary>Multipart posts the way the public forms send them: token first, then the fields in page order, then the files.</summary>
public static partial class RemedyUploads
{
    [GeneratedRegex("data-testid=\"receipt\"><strong>([0-9 ]+)</strong>")]
    private static partial Regex ReceiptPattern();

    public static async Task<(HttpResponseMessage Response, string Html, string? Receipt)> SubmitAsync(
        HttpClient client, string channel, string whatHappened, IEnumerable<UploadFile> files, bool removeMetadata = true, string lang = "en", bool withToken = true,
        IDictionary<string, string>? more = null)
    {
        var url = $"/report/{channel}?lang={lang}";
        var page = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        using var content = new MultipartFormDataContent();
        if (withToken)
        {
            content.Add(new StringContent(Forms.AntiforgeryToken(page)), "__rs_af");
        }

        content.Add(new StringContent(whatHappened), "Answers[what-happened]");
        foreach (var (key, value) in more ?? new Dictionary<string, string>())
        {
            content.Add(new StringContent(value), key);
        }

        AddFiles(content, "Answers[files]", files, removeMetadata);
        var response = await client.PostAsync(url, content);
        var html = await response.Content.ReadAsStringAsync();
        var match = ReceiptPattern().Match(html);
        return (response, html, match.Success ? match.Groups[1].Value : null);
    }

    public static async Task<(HttpResponseMessage Response, string Html)> AddFilesAsync(
        HttpClient client, string channel, string receipt, IEnumerable<UploadFile> files, bool removeMetadata = true, string lang = "en")
    {
        var page = await (await client.GetAsync($"/report/{channel}/follow-up?lang={lang}")).Content.ReadAsStringAsync();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Forms.AntiforgeryToken(page)), "__rs_af" },
            { new StringContent(receipt), "Receipt" },
        };
        AddFiles(content, "Files", files, removeMetadata);
        var response = await client.PostAsync($"/report/{channel}/follow-up?lang={lang}&handler=Files", content);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static void AddFiles(MultipartFormDataContent content, string field, IEnumerable<UploadFile> files, bool removeMetadata)
    {
        content.Add(new StringContent("shown"), "MetadataChoice");
        if (removeMetadata)
        {
            content.Add(new StringContent("true"), "RemoveMetadata");
        }

        foreach (var file in files)
        {
            content.Add(new ByteArrayContent(file.Content), field, file.Name);
        }
    }
}
