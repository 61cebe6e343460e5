using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Data;
using Rightscope.Features.Remedy;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Remedy;

/// <summary>A submitted case, opened by its (unlocked) handler.</summary>
public sealed record OpenCase(RemedySetup Setup, string CaseUrl, Guid CaseId, string Receipt);

public static class CaseWorkflowSteps
{
    public static async Task<OpenCase> SubmitAndUnlockAsync(RightscopeFactory app, string report = "a report")
    {
        var setup = await RemedySteps.SetUpAsync(app);
        var (_, _, receipt) = await RemedySteps.SubmitAsync(app.CreateBrowserlikeClient(), setup.Channel, report);
        Assert.NotNull(receipt);
        await RemedySteps.UnlockAsync(setup.HandlerClient);
        var id = Assert.Single(await RemedySteps.CaseIdsAsync(setup.HandlerClient, setup.Organization));
        return new OpenCase(setup, $"/o/{setup.Organization.Slug}/cases/{id}", Guid.Parse(id), receipt);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string caseUrl, string handler, IDictionary<string, string>? fields = null) =>
        Forms.PostAsync(client, caseUrl, fields ?? new Dictionary<string, string>(), $"{caseUrl}?handler={handler}");

    public static async Task StepAsync(OpenCase open, string step)
    {
        var response = await PostAsync(open.Setup.HandlerClient, open.CaseUrl, "Step", new Dictionary<string, string> { ["Step"] = step });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Acknowledges and starts the assessment.</summary>
    public static async Task AssessAsync(OpenCase open)
    {
        await StepAsync(open, "Acknowledge");
        await StepAsync(open, "StartAssessment");
    }

    public static async Task<T> ReadAsync<T>(RightscopeFactory app, Func<RightscopeDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RightscopeDbContext>());
    }

    public static Task<GrievanceCase> CaseAsync(RightscopeFactory app, Guid id) =>
        ReadAsync(app, db => db.Cases.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == id));

    public static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
