namespace Rightscope.Features.HumanRightsReports;

public static class HumanRightsReportServices
{
    /// <summary>
    /// The report's services and its facts contributors. To add a contributor: implement
    /// <see cref="IReportFactsContributor"/> in your slice and add one line here,
    /// <c>services.AddScoped&lt;IReportFactsContributor, YourFacts&gt;();</c> — facts appear in the order contributors
    /// are registered.
    /// </summary>
    public static IServiceCollection AddHumanRightsReports(this IServiceCollection services)
    {
        services.AddScoped<SalientIssueFacts>();
        services.AddScoped<IReportFactsContributor>(sp => sp.GetRequiredService<SalientIssueFacts>());
        services.AddScoped<IReportFactsContributor, PolicyCommitmentFacts>();
        services.AddScoped<IReportFactsContributor, HriaFacts>();
        services.AddScoped<IReportFactsContributor, EngagementFacts>();
        services.AddScoped<IReportFactsContributor, ActionPlanFacts>();
        services.AddScoped<IReportFactsContributor, TrackingFacts>();
        services.AddScoped<IReportFactsContributor, GrievanceFacts>();
        services.AddScoped<ReportAssembler>();
        services.AddScoped<HumanRightsReportCommands>();
        services.AddScoped<PublishedReports>();
        return services;
    }
}
