using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Features.Remedy;
using Rightscope.Infrastructure.Jobs;
using Rightscope.Tests.Features.Assessments;
using Rightscope.Tests.Infrastructure;
using CliRunner = Rightscope.Tests.Cli.Cli;

namespace Rightscope.Tests.Faults;

/// <summary>
/// Issue 8, "Scale-out on PostgreSQL": two <c>rightscope serve</c> processes on different ports over one PostgreSQL
/// database, started at the same moment as behind a load balancer.
/// </summary>
public sealed partial class TwoInstancesTests
{
    private const string Section = "governance-policies-practices";

    [GeneratedRegex("name=\"(answer:[^\"]+:company)\"")]
    private static partial Regex AnswerField();

    [GeneratedRegex("name=\"version\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex VersionField();

    [Fact]
    public async Task A_sign_in_through_one_instance_works_on_the_other_and_of_two_concurrent_edits_one_gets_a_conflict()
    {
        await using var database = await FaultTestGate.DatabaseAsync(ProviderData.Postgres);
        var email = TestData.UniqueEmail("owner");
        var slug = TestData.UniqueSlug("scale");
        (await CliRunner.RunAsync(database, "", "migrate")).AssertSucceeded();
        (await CliRunner.CreateOwnerAsync(database, email, slug)).AssertSucceeded();
        var (a, b) = await StartPairAsync(database.Configuration(), new Dictionary<string, string>());
        await using var instanceA = a;
        await using var instanceB = b;

        var cookies = new CookieContainer();
        using var clientA = a.CreateBrowserlikeClient(cookies);
        using var clientB = b.CreateBrowserlikeClient(cookies);
        var assessments = $"/o/{slug}/assessments";
        Assert.Equal(HttpStatusCode.Redirect, (await clientB.GetAsync(assessments)).StatusCode);

        var signIn = await Forms.PostAsync(clientA, "/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestData.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        // The session cookie instance A issued opens instance B: both read the data-protection keys from the database.
        Assert.Equal(HttpStatusCode.OK, (await clientB.GetAsync(assessments)).StatusCode);

        var organization = await CliRunner.WithDbAsync(database, (db, _) => db.Organizations.SingleAsync(o => o.Slug == slug));
        var id = await AssessmentsTests.StartAsync(clientB, organization);
        var section = $"/o/{slug}/assessments/{id}/sections/{Section}";
        var pageA = await (await clientA.GetAsync(section)).Content.ReadAsStringAsync();
        var pageB = await (await clientB.GetAsync(section)).Content.ReadAsStringAsync();
        var version = VersionField().Match(pageA).Groups[1].Value;
        Assert.Equal(version, VersionField().Match(pageB).Groups[1].Value);
        var items = AnswerField().Matches(pageA).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(items);

        // Both editors opened the same version; both save at once, each through its own instance.
        var responses = await Task.WhenAll(
            Forms.PostWithTokenAsync(clientA, section, Forms.AntiforgeryToken(pageA), Answers(items, "yes", version)),
            Forms.PostWithTokenAsync(clientB, section, Forms.AntiforgeryToken(pageB), Answers(items, "no", version)));

        var statuses = responses.Select(r => r.StatusCode).Order().ToList();
        Assert.True(
            statuses.SequenceEqual([HttpStatusCode.Redirect, HttpStatusCode.Conflict]),
            $"expected one save and one conflict, got {string.Join(", ", statuses)}:\nA:\n{a.Output}\nB:\n{b.Output}");
        var winner = responses[0].StatusCode == HttpStatusCode.Redirect ? 100 : 0;
        var stored = await CliRunner.WithDbAsync(database, (db, _) => db.Assessments.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal(winner, stored.Total);
        var saves = await CliRunner.WithDbAsync(database, (db, _) =>
            db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.OrganizationId == organization.Id && e.Action == "assessment.answers-saved"));
        Assert.Equal(1, saves);
    }

    [Fact]
    public async Task Both_instances_poll_for_due_jobs_every_second_and_each_job_runs_once()
    {
        await using var database = await FaultTestGate.DatabaseAsync(ProviderData.Postgres);
        (await CliRunner.RunAsync(database, "", "migrate")).AssertSucceeded();
        // The jobs every command registers, and the web host's own (the case deadline reminders).
        var jobs = await CliRunner.WithDbAsync(database, (_, services) =>
            Task.FromResult(services.GetServices<JobRegistration>().Select(j => j.Name).Append(CaseReminderJob.Name).Distinct().ToList()));
        var (a, b) = await StartPairAsync(database.Configuration(), new Dictionary<string, string>
        {
            ["Jobs:InitialDelaySeconds"] = "0",
            ["Jobs:PollSeconds"] = "1",
        });
        await using var instanceA = a;
        await using var instanceB = b;

        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!await AllRanAsync(database, jobs))
        {
            Assert.True(DateTime.UtcNow < deadline, $"not every job ran within a minute:\n{a.Output}\n{b.Output}");
            await Task.Delay(250);
        }

        // Several more polls of each instance: a job whose lease did not hold would run again on the other one.
        await Task.Delay(TimeSpan.FromSeconds(4));
        foreach (var job in jobs)
        {
            var runs = Runs(a.Output, job) + Runs(b.Output, job);
            Assert.True(runs == 1, $"job {job} ran {runs} times across the two instances:\nA:\n{a.Output}\nB:\n{b.Output}");
        }
    }

    private static int Runs(string output, string job) =>
        Regex.Count(output, $"Job {Regex.Escape(job)} (ran|failed)");

    private static Task<bool> AllRanAsync(TestDatabase database, List<string> jobs) =>
        CliRunner.WithDbAsync(database, async (db, _) =>
        {
            var done = await db.JobLeases.AsNoTracking().Where(l => l.LastRunAt != null && l.Holder == null).Select(l => l.Name).ToListAsync();
            return jobs.All(done.Contains);
        });

    private static Dictionary<string, string> Answers(List<string> items, string option, string version)
    {
        var fields = items.ToDictionary(item => item, _ => option);
        fields["version"] = version;
        return fields;
    }

    /// <summary>Starts two instances at the same moment, as a deployment behind a load balancer does.</summary>
    private static async Task<(ServerProcess A, ServerProcess B)> StartPairAsync(
        IReadOnlyDictionary<string, string?> configuration, IReadOnlyDictionary<string, string> settings)
    {
        var a = ServerProcess.StartAsync(configuration, demo: false, settings);
        var b = ServerProcess.StartAsync(configuration, demo: false, settings);
        try
        {
            await Task.WhenAll(a, b);
        }
        catch
        {
            foreach (var started in new[] { a, b }.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }

        return (a.Result, b.Result);
    }
}
