using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Core.Remedy;
using Rightscope.Data;
using Rightscope.Features.Remedy;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Indicators;

/// <summary>Shared steps of the indicator tests: an upload through the page, a small dataset, cases with triage metadata.</summary>
public static class IndicatorSteps
{
    /// <summary>Three countries, two years, internet use by sex and location, and the three e-government components.</summary>
    public const string GoodCsv = """
        indicator,country,year,value,unit,sex,age_group,location,disability,source
        internet-use,KEN,2024,40,percent,,,,,test
        internet-use,KE,2024,35,percent,female,,,,test
        internet-use,KE,2024,45,percent,male,,,,test
        internet-use,KE,2024,60,percent,,,urban,,test
        internet-use,KE,2024,30,percent,,,rural,,test
        internet-use,DE,2024,92,percent,,,,,test
        internet-use,PE,2024,70,percent,,,,,test
        internet-use,KE,2023,37,percent,,,,,test
        egov-online-services,KE,2024,0.6,index,,,,,test
        egov-telecom-infrastructure,KE,2024,0.4,index,,,,,test
        egov-human-capital,KE,2024,0.5,index,,,,,test
        egov-online-services,DE,2024,0.9,index,,,,,test
        egov-telecom-infrastructure,DE,2024,0.9,index,,,,,test
        egov-human-capital,DE,2024,0.95,index,,,,,test
        egov-online-services,PE,2024,0.7,index,,,,,test
        egov-telecom-infrastructure,PE,2024,0.6,index,,,,,test
        egov-human-capital,PE,2024,0.8,index,,,,,test
        """;

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string slug, string dataset, string content, string mapping = "", bool skipBadRows = false, string fileName = "data.csv")
    {
        var page = $"/o/{slug}/indicators";
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Forms.AntiforgeryToken(html)), "__rs_af" },
            { new StringContent(dataset), "Dataset" },
            { new StringContent(mapping), "Mapping" },
        };
        if (skipBadRows)
        {
            form.Add(new StringContent("true"), "SkipBadRows");
        }

        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "File", fileName);
        return await client.PostAsync(page, form);
    }

    /// <summary>Publishes (or withdraws) the organization's dataset named <paramref name="dataset"/> through its page.</summary>
    public static async Task<HttpResponseMessage> PublishAsync(RightscopeFactory app, HttpClient client, string slug, string dataset, bool publish = true)
    {
        var id = await QueryAsync(app, db => db.IndicatorDatasets.IgnoreQueryFilters().Where(d => d.Name == dataset).Select(d => d.Id).SingleAsync());
        return await Forms.PostAsync(client, $"/o/{slug}/indicators/datasets/{id}", new Dictionary<string, string> { ["publish"] = publish ? "true" : "false" });
    }

    public static async Task<T> QueryAsync<T>(RightscopeFactory app, Func<RightscopeDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RightscopeDbContext>());
    }

    /// <summary>Adds cases received this year directly, with only the clear triage metadata set (content bytes are placeholders).</summary>
    public static Task AddCasesAsync(RightscopeFactory app, Guid organizationId, IEnumerable<(CaseCategory? Category, string? Country, bool Defender, string[] Groups)> cases) =>
        AddCasesAsync(app, organizationId, cases.Select(c => new TestCase(c.Category, c.Country, c.Defender, c.Groups)));

    /// <summary>A case as statistics see it: its clear triage metadata and the year it was received (this year by default).</summary>
    public sealed record TestCase(
        CaseCategory? Category,
        string? Country,
        bool Defender,
        string[] Groups,
        int? Year = null,
        PerpetratorType? Perpetrator = null,
        VictimSex? Sex = null,
        AgeBand? Age = null,
        ViolationType[]? Violations = null);

    /// <summary>Adds cases directly, with only the clear triage metadata set (content bytes are placeholders).</summary>
    public static async Task AddCasesAsync(RightscopeFactory app, Guid organizationId, IEnumerable<TestCase> cases)
    {
        await QueryAsync(app, async db =>
        {
            var channel = await db.Channels.IgnoreQueryFilters().FirstOrDefaultAsync(c => c.OrganizationId == organizationId);
            if (channel is null)
            {
                channel = new Channel
                {
                    OrganizationId = organizationId,
                    Slug = "stats-" + Guid.NewGuid().ToString("N")[..8],
                    NameEn = "Statistics test channel",
                    NameZh = "统计测试渠道",
                    ReceiptSalt = new byte[16],
                    ReceiptCost = "test",
                };
                db.Channels.Add(channel);
            }

            var number = await db.Cases.IgnoreQueryFilters().Where(c => c.OrganizationId == organizationId).CountAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            foreach (var c in cases)
            {
                db.Cases.Add(new GrievanceCase
                {
                    OrganizationId = organizationId,
                    ChannelId = channel.Id,
                    Number = ++number,
                    Status = CaseStatus.Received,
                    ReceivedOn = c.Year is { } year ? new DateOnly(year, 6, 1) : today,
                    LookupId = Guid.NewGuid().ToByteArray(),
                    ReporterEnvelope = [1],
                    Report = [1],
                    Category = c.Category,
                    Country = c.Country,
                    Defender = c.Defender,
                    GroupKeys = System.Text.Json.JsonSerializer.Serialize(c.Groups),
                    Perpetrator = c.Perpetrator,
                    VictimSex = c.Sex,
                    VictimAgeBand = c.Age,
                    ViolationTypeKeys = ViolationTypeList.Write(c.Violations ?? []),
                });
            }

            return await db.SaveChangesAsync();
        });
    }
}
