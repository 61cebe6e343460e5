using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Data;
using Rightscope.Tests.Core.Remedy;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Remedy;

public sealed class RemedyFilesTests
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. Encoding.ASCII.GetBytes(new string('p', 2_000))];

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Files_are_encrypted_as_they_stream_in_and_no_plaintext_reaches_the_temporary_directory(string provider)
    {
        await using var started = await RightscopeFactory.StartAsync(provider);
        var canary = "file-canary-" + Guid.NewGuid().ToString("N");
        var scan = new TempScan(Encoding.UTF8.GetBytes(canary));
        await using var app = started.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(scan)));
        var setup = await RemedySteps.SetUpAsync(started);
        // Over 64 KB, where ASP.NET Core's own form reading would buffer the file to a temporary file.
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"line with {canary}\n", 8_000)));
        Assert.True(text.Length > 200_000);

        // The scan works: a page that lets the framework read the form leaves the file in the temporary directory.
        var control = Browser(app);
        using (var buffered = new MultipartFormDataContent { { new ByteArrayContent(text), "file", "control.txt" } })
        {
            await control.PostAsync("/account/sign-in", buffered);
        }

        Assert.Contains("/account/sign-in", scan.Found);
        scan.Found.Clear();

        var reporter = Browser(app);
        reporter.DefaultRequestHeaders.UserAgent.ParseAdd("Distinctive-Agent/1.0");
        var (response, html, receipt) = await RemedyUploads.SubmitAsync(reporter, setup.Channel, "with a file", [new UploadFile("notes.txt", text), new UploadFile("letter.pdf", Pdf)]);
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.NotNull(receipt);
        Assert.Contains("data-testid=\"stored-files\"", html, StringComparison.Ordinal);
        Assert.Empty(scan.Found);
        Assert.Empty(scan.Identifying);

        var handler = await UnlockedHandlerAsync(app, setup);
        var (caseUrl, files) = await CaseFilesAsync(handler, setup);
        Assert.Equal(2, files.Count);
        var page = await (await handler.GetAsync(caseUrl)).Content.ReadAsStringAsync();
        Assert.Contains("notes.txt", page, StringComparison.Ordinal);
        Assert.Contains("application/pdf", page, StringComparison.Ordinal);

        var download = await handler.GetAsync(files.Single(f => f.Name == "notes.txt").Url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(text, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("notes.txt", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(Pdf, await handler.GetByteArrayAsync(files.Single(f => f.Name == "letter.pdf").Url));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
            var downloads = await db.AuditEntries.IgnoreQueryFilters().Where(e => e.Action == "case.file.downloaded").ToListAsync();
            Assert.Equal(2, downloads.Count);
            Assert.All(downloads, d => Assert.Equal(setup.Organization.Id, d.OrganizationId));
            Assert.All(downloads, d => Assert.DoesNotContain("notes", d.Summary, StringComparison.Ordinal));
            // Only sizes rounded up to 64 KiB can be told from the stored bytes.
            var stored = await db.CaseAttachments.IgnoreQueryFilters().Select(a => a.Content.Length).ToListAsync();
            Assert.All(stored, length => Assert.Equal(0, (length - 20) % (65_536 + 16) - 16));
        }

        Assert.Empty(await RemedySteps.StoredOccurrencesAsync(started, canary));
        Assert.Empty(scan.Found);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Photos_lose_their_location_unless_the_reporter_unticks_the_box(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);
        var jpeg = PhotoFixtures.JpegWithGps("camera-owner-name", padding: 100_000);
        var png = PhotoFixtures.PngWithGps("camera-owner-name");
        Assert.True(PhotoFixtures.HasGps(jpeg));

        var (cleaned, _, _) = await RemedyUploads.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, "photos", [new UploadFile("street.jpg", jpeg), new UploadFile("map.png", png)]);
        Assert.Equal(HttpStatusCode.OK, cleaned.StatusCode);
        var (kept, _, _) = await RemedyUploads.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, "where", [new UploadFile("where.jpg", jpeg)], removeMetadata: false);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);

        var handler = await UnlockedHandlerAsync(app, setup);
        var downloads = new Dictionary<string, byte[]>();
        foreach (var caseId in await RemedySteps.CaseIdsAsync(handler, setup.Organization))
        {
            var (_, files) = await CaseFilesAsync(handler, setup, caseId);
            foreach (var file in files)
            {
                downloads[file.Name] = await handler.GetByteArrayAsync(file.Url);
            }
        }

        Assert.False(PhotoFixtures.HasGps(downloads["street.jpg"]));
        Assert.Equal(-1, downloads["street.jpg"].AsSpan().IndexOf("camera-owner-name"u8));
        Assert.Equal(-1, downloads["map.png"].AsSpan().IndexOf("camera-owner-name"u8));
        Assert.Equal(PhotoMetadata(jpeg), downloads["street.jpg"]);
        Assert.True(PhotoFixtures.HasGps(downloads["where.jpg"]));
        Assert.Equal(jpeg, downloads["where.jpg"]);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Disallowed_damaged_too_many_and_oversized_files_are_refused_by_name_and_nothing_is_stored(string provider)
    {
        await using var started = await RightscopeFactory.StartAsync(provider);
        await using var app = started.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Remedy:Uploads:MaxFileBytes", "100000");
            builder.UseSetting("Remedy:Uploads:MaxFiles", "2");
        });
        var setup = await RemedySteps.SetUpAsync(started);
        var executable = new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03 };

        var (disallowed, html, receipt) = await RemedyUploads.SubmitAsync(Browser(app), setup.Channel, "typed answer", [new UploadFile("holiday.jpg", executable), new UploadFile("ok.pdf", Pdf)]);
        Assert.Equal(HttpStatusCode.BadRequest, disallowed.StatusCode);
        Assert.Null(receipt);
        Assert.Contains("Files: “holiday.jpg” is not a type of file this form accepts", html, StringComparison.Ordinal);
        Assert.Contains("choose your files again", html, StringComparison.Ordinal);
        Assert.Contains("typed answer", html, StringComparison.Ordinal);

        var (damaged, damagedHtml, _) = await RemedyUploads.SubmitAsync(Browser(app), setup.Channel, "x", [new UploadFile("cut.jpg", PhotoFixtures.JpegWithGps()[..300])]);
        Assert.Equal(HttpStatusCode.BadRequest, damaged.StatusCode);
        Assert.Contains("“cut.jpg” seems damaged or incomplete", damagedHtml, StringComparison.Ordinal);

        var (many, manyHtml, _) = await RemedyUploads.SubmitAsync(Browser(app), setup.Channel, "x", [new UploadFile("a.pdf", Pdf), new UploadFile("b.pdf", Pdf), new UploadFile("c.pdf", Pdf)]);
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        Assert.Contains("at most 2 files", manyHtml, StringComparison.Ordinal);

        var big = new byte[150_000];
        Pdf.CopyTo(big, 0);
        var (oversized, oversizedHtml, _) = await RemedyUploads.SubmitAsync(Browser(app), setup.Channel, "x", [new UploadFile("big.pdf", big)], lang: "zh-Hans");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Contains("文件：“big.pdf”超过 1 MiB", oversizedHtml, StringComparison.Ordinal);

        // Beyond what the whole form may carry: the reading stops, a 413 page says so, and nothing is kept.
        var huge = new byte[3_000_000];
        Pdf.CopyTo(huge, 0);
        var (tooLarge, tooLargeHtml, _) = await RemedyUploads.SubmitAsync(Browser(app), setup.Channel, "x", [new UploadFile("huge.pdf", huge)]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("This is more than the form takes at once", tooLargeHtml, StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
        Assert.Equal(0, await db.Cases.IgnoreQueryFilters().CountAsync());
        Assert.Equal(0, await db.CaseAttachments.IgnoreQueryFilters().CountAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task A_multipart_post_without_the_token_first_is_refused_before_anything_is_read(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);

        var (noToken, _, _) = await RemedyUploads.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, "x", [new UploadFile("a.pdf", Pdf)], withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        var client = app.CreateBrowserlikeClient();
        var token = Forms.AntiforgeryToken(await (await client.GetAsync($"/report/{setup.Channel}")).Content.ReadAsStringAsync());
        using (var late = new MultipartFormDataContent { { new StringContent("x"), "Answers[what-happened]" }, { new StringContent(token), "__rs_af" } })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/report/{setup.Channel}", late)).StatusCode);
        }

        using (var forged = new MultipartFormDataContent { { new StringContent("not-a-token"), "__rs_af" }, { new ByteArrayContent(Pdf), "Answers[files]", "a.pdf" } })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/report/{setup.Channel}", forged)).StatusCode);
        }

        // Another browser's token (its cookie is not sent with it) is refused too.
        using (var foreign = new MultipartFormDataContent { { new StringContent(token), "__rs_af" }, { new StringContent("x"), "Answers[what-happened]" } })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await app.CreateBrowserlikeClient().PostAsync($"/report/{setup.Channel}", foreign)).StatusCode);
        }

        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<RightscopeDbContext>().Cases.IgnoreQueryFilters().CountAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task The_reporter_adds_files_at_follow_up_and_sees_their_names_and_other_organizations_get_404(string provider)
    {
        await using var app = await RightscopeFactory.StartAsync(provider);
        var setup = await RemedySteps.SetUpAsync(app);
        var reporter = app.CreateBrowserlikeClient();
        var (_, _, receipt) = await RemedySteps.SubmitAsync(reporter, setup.Channel, "no files yet");
        Assert.NotNull(receipt);

        var (added, html) = await RemedyUploads.AddFilesAsync(reporter, setup.Channel, receipt, [new UploadFile("证据.pdf", Pdf)], lang: "zh-Hans");
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("data-testid=\"files-added\"", html, StringComparison.Ordinal);
        Assert.Contains("<li>证据.pdf</li>", html, StringComparison.Ordinal);
        var (wrong, wrongHtml) = await RemedyUploads.AddFilesAsync(app.CreateBrowserlikeClient(), setup.Channel, "1234 5678 9012 3456", [new UploadFile("x.pdf", Pdf)]);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("No report matches this receipt code.", wrongHtml, StringComparison.Ordinal);
        var (refused, refusedHtml) = await RemedyUploads.AddFilesAsync(reporter, setup.Channel, receipt, [new UploadFile("run.pdf", [0x4D, 0x5A, 0x90])]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Add files: “run.pdf” is not a type of file this form accepts", refusedHtml, StringComparison.Ordinal);

        var handler = await UnlockedHandlerAsync(app, setup);
        var (_, files) = await CaseFilesAsync(handler, setup);
        var file = Assert.Single(files);
        Assert.Equal("证据.pdf", file.Name);
        Assert.Equal(Pdf, await handler.GetByteArrayAsync(file.Url));

        // Another organization's handler, with their own case keys, finds nothing under their organization or this one.
        var other = await RemedySteps.SetUpAsync(app);
        var path = new Uri(new Uri("http://localhost"), file.Url).AbsolutePath;
        Assert.Equal(HttpStatusCode.NotFound, (await other.HandlerClient.GetAsync(path.Replace($"/o/{setup.Organization.Slug}/", $"/o/{other.Organization.Slug}/", StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.HandlerClient.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync(path[..^36] + Guid.NewGuid())).StatusCode);
    }

    private static byte[] PhotoMetadata(byte[] jpeg) => Rightscope.Core.Remedy.PhotoMetadata.Remove(Rightscope.Core.Remedy.AttachmentTypes.Jpeg, jpeg);

    private static HttpClient Browser(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpClient> UnlockedHandlerAsync(WebApplicationFactory<Program> app, RemedySetup setup)
    {
        var handler = Browser(app);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(handler, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = setup.Handler.Email!, ["Input.Password"] = TestData.Password })).StatusCode);
        await RemedySteps.UnlockAsync(handler);
        return handler;
    }

    private static async Task<(string CaseUrl, List<(string Name, string Url)> Files)> CaseFilesAsync(HttpClient handler, RemedySetup setup, string? caseId = null)
    {
        caseId ??= Assert.Single(await RemedySteps.CaseIdsAsync(handler, setup.Organization));
        var caseUrl = $"/o/{setup.Organization.Slug}/cases/{caseId}";
        var html = await (await handler.GetAsync(caseUrl)).Content.ReadAsStringAsync();
        var files = Regex.Matches(html, $"<a href=\"({Regex.Escape(caseUrl)}/files/[0-9a-f-]{{36}})\" download>([^<]+)</a>")
            .Select(m => (System.Net.WebUtility.HtmlDecode(m.Groups[2].Value), m.Groups[1].Value)).ToList();
        return (caseUrl, files);
    }

    /// <summary>
    /// Outermost middleware: after each request, while the framework's buffered form files still exist (they are
    /// deleted when the response is disposed), looks for the canary in the temporary directory; and checks that the
    /// public channel's requests carried no address or browser by the time they were handled.
    /// </summary>
    private sealed class TempScan(byte[] needle) : IStartupFilter
    {
        public ConcurrentBag<string> Found { get; } = [];

        public ConcurrentBag<string> Identifying { get; } = [];

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                await nextMiddleware(context);
                var path = context.Request.Path.Value ?? "";
                foreach (var file in Directory.EnumerateFiles(AspNetCoreTemp.Directory))
                {
                    try
                    {
                        if ((await File.ReadAllBytesAsync(file)).AsSpan().IndexOf(needle) >= 0)
                        {
                            Found.Add(path);
                        }
                    }
                    catch (IOException)
                    {
                        // Another test's buffer, deleted meanwhile.
                    }
                }

                if (path.StartsWith("/report", StringComparison.Ordinal) && (context.Connection.RemoteIpAddress is not null || context.Request.Headers.UserAgent.Count > 0))
                {
                    Identifying.Add(path);
                }
            });
            next(app);
        };
    }
}
