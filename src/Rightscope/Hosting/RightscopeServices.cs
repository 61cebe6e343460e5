using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Audit;
using Rightscope.Data;
using Rightscope.Data.Aggregates;
using Rightscope.Features.Accounts;
using Rightscope.Features.Audit;
using Rightscope.Features.Methodologies;
using Rightscope.Features.Organizations;
using Rightscope.Features.Portfolios;
using Rightscope.Infrastructure;
using Rightscope.Infrastructure.Jobs;
using Rightscope.Infrastructure.Tenancy;


namespace Rightscope.Hosting;

/// <summary>Services shared by the web host and the command line: database, identity, keys, audit.</summary>
public static class RightscopeServices
{
    public static IServiceCollection AddRightscopeCore(this IServiceCollection services, IConfiguration configuration)
    {
        var dataDirectory = DataDirectory.From(configuration);
        var database = DatabaseSettings.From(configuration, dataDirectory);
        services.AddSingleton(dataDirectory);
        services.AddSingleton(database);
        services.AddSingleton(_ => SecretKeys.Load(configuration, dataDirectory));
        services.AddSingleton(sp => new AuditHasher(sp.GetRequiredService<SecretKeys>().AuditKey));
        services.AddSingleton(TimeProvider.System);

        services.AddScoped<TenantScope>();
        services.AddScoped<OrganizationContext>();
        var aggregateStamps = new AggregateStampInterceptor();
        services.AddSingleton<AggregateCache>();
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<RightscopeDbContext, SqliteRightscopeDbContext>(options =>
                    options.UseSqlite(database.ConnectionString).AddInterceptors(new SqliteSecureDelete(), aggregateStamps));
                break;
            case DatabaseProvider.Postgres:
                // No retrying execution strategy: commands run in explicit transactions with their audit entry,
                // which EF's retry strategy does not support.
                services.AddDbContext<RightscopeDbContext, PostgresRightscopeDbContext>(options =>
                    options.UseNpgsql(database.ConnectionString).AddInterceptors(aggregateStamps));
                break;
        }

        services.AddDataProtection()
            .SetApplicationName("Rightscope")
            .PersistKeysToDbContext<RightscopeDbContext>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<SecretKeys>((options, keys) => options.XmlEncryptor = new KeyRingXmlEncryptor(keys));

        services.AddIdentityCore<User>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B).
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddUserStore<ProtectedUserStore>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddLocalization();

        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<OrganizationProvisioner>();
        services.AddScoped<Demo.ScaleSeeder>();
        services.AddScoped<Demo.ScaleCompanySeeder>();
        services.AddScoped<Demo.ScaleMembers>();
        services.AddSingleton(_ => MethodologyRegistry.Load(configuration));
        services.AddScoped<Features.Assessments.AssessmentStore>();
        services.AddScoped<Features.Assessments.AssessmentCommands>();
        services.AddScoped<Features.Companies.CompanyCommands>();
        services.AddScoped<Features.Companies.CompanyMerge>();
        services.AddScoped<Features.Portfolios.HoldingsImport>();
        services.AddScoped<Features.Portfolios.PortfolioExport>();
        services.AddScoped<Features.Portfolios.PortfolioCommands>();
        services.AddScoped<Features.Companies.CompanyAssessments>();

        services.AddOptions<JobSettings>().Bind(configuration.GetSection("Jobs"));
        services.AddScoped<JobLeases>();
        services.AddRecurringJob<Features.Portfolios.HoldingsUploadCleanup>(Features.Portfolios.HoldingsUploadCleanup.Name, Features.Portfolios.HoldingsUploadCleanup.Interval);
        services.AddScoped<Features.Remedy.CaseDeletion>();
        services.AddRecurringJob<Features.Remedy.CaseRetentionPurge>(Features.Remedy.CaseRetentionPurge.Name, Features.Remedy.CaseRetentionPurge.Interval);
        services.AddScreening();
        services.AddScoped<Features.Engagements.EngagementAssessments>();
        services.AddScoped<Features.Engagements.EngagementCommands>();
        services.AddScoped<Features.Engagements.EngagementQueries>();
        services.AddScoped<Features.Decisions.DecisionBasis>();
        services.AddScoped<Features.Decisions.DecisionCommands>();
        Features.Indicators.IndicatorsServices.AddIndicators(services, configuration);
        services.AddScoped<Features.Decisions.ExclusionList>();
        // Due diligence cycle: policy commitment, HRIA projects, salient issues register
        services.AddScoped<Features.Hrdd.PolicyCommitmentCommands>();
        services.AddScoped<Features.Hrdd.HriaCommands>();
        services.AddScoped<Features.Hrdd.SalientIssueCommands>();
        services.AddScoped<Features.Hrdd.SalientIssueRegister>();
        Features.Transparency.TransparencyServices.AddTransparency(services);
        Features.Benchmark.BenchmarkServices.AddBenchmark(services);
        Features.HumanRightsReports.HumanRightsReportServices.AddHumanRightsReports(services);
        return services;
    }
}
