using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Rightscope.Features.Accounts;
using Rightscope.Features.ApiTokens;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Features.Companies;
using Rightscope.Features.Engagements;
using Rightscope.Features.Hrdd;
using Rightscope.Features.Methodologies;
using Rightscope.Features.Organizations;
using Rightscope.Features.Portfolios;
using Rightscope.Features.Remedy;

using Rightscope.Infrastructure.Jobs;

namespace Rightscope.Data;

/// <summary>
/// The one database of Rightscope. Each provider has its own subclass so that it keeps its own migrations
/// (<see cref="SqliteRightscopeDbContext"/>, <see cref="PostgresRightscopeDbContext"/>).
/// </summary>
public abstract class RightscopeDbContext(DbContextOptions options, TenantScope? tenant)
    : IdentityUserContext<User, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The organization whose data queries may return; null returns no tenant-owned rows at all.</summary>
    public Guid? TenantId => tenant?.OrganizationId;

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<OrganizationMethodology> OrganizationMethodologies => Set<OrganizationMethodology>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<AssessmentAnswer> AssessmentAnswers => Set<AssessmentAnswer>();

    public DbSet<Evidence> Evidence => Set<Evidence>();

    public DbSet<SalientImpact> SalientImpacts => Set<SalientImpact>();

    public DbSet<AssessmentComment> AssessmentComments => Set<AssessmentComment>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Channel> Channels => Set<Channel>();

    public DbSet<ChannelRecipient> ChannelRecipients => Set<ChannelRecipient>();

    public DbSet<HandlerKey> HandlerKeys => Set<HandlerKey>();

    public DbSet<GrievanceCase> Cases => Set<GrievanceCase>();

    public DbSet<CaseRecipientEnvelope> CaseRecipientEnvelopes => Set<CaseRecipientEnvelope>();

    public DbSet<CaseMessage> CaseMessages => Set<CaseMessage>();

    public DbSet<CaseStep> CaseSteps => Set<CaseStep>();

    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();

    public DbSet<CaseReferral> CaseReferrals => Set<CaseReferral>();

    public DbSet<CaseRemedyOutcome> CaseRemedyOutcomes => Set<CaseRemedyOutcome>();

    public DbSet<CaseExclusion> CaseExclusions => Set<CaseExclusion>();

    public DbSet<CaseCheckIn> CaseCheckIns => Set<CaseCheckIn>();
    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();

    public DbSet<CaseReminder> CaseReminders => Set<CaseReminder>();

    public DbSet<Company> Companies => Set<Company>();

    public DbSet<Portfolio> Portfolios => Set<Portfolio>();

    public DbSet<HoldingsSnapshot> HoldingsSnapshots => Set<HoldingsSnapshot>();

    public DbSet<Holding> Holdings => Set<Holding>();

    public DbSet<HoldingsUpload> HoldingsUploads => Set<HoldingsUpload>();

    public DbSet<JobLease> JobLeases => Set<JobLease>();

    public DbSet<Aggregates.AggregateStamp> AggregateStamps => Set<Aggregates.AggregateStamp>();
    public DbSet<Engagement> Engagements => Set<Engagement>();

    public DbSet<EngagementObjective> EngagementObjectives => Set<EngagementObjective>();

    public DbSet<EngagementMilestone> EngagementMilestones => Set<EngagementMilestone>();

    public DbSet<EscalationEntry> EscalationEntries => Set<EscalationEntry>();

    public DbSet<EngagementInteraction> EngagementInteractions => Set<EngagementInteraction>();
    public DbSet<Features.Decisions.Decision> Decisions => Set<Features.Decisions.Decision>();

    public DbSet<SalientIssue> SalientIssues => Set<SalientIssue>();

    // Due diligence cycle: policy commitment and HRIA projects
    public DbSet<PolicyCommitment> PolicyCommitments => Set<PolicyCommitment>();

    public DbSet<PolicyCommitmentElement> PolicyCommitmentElements => Set<PolicyCommitmentElement>();

    public DbSet<HriaProject> HriaProjects => Set<HriaProject>();

    public DbSet<HriaAssessment> HriaAssessments => Set<HriaAssessment>();
    // HRDD tracking: action plans, tracking indicators, stakeholder engagement log
    public DbSet<DueDiligenceAction> DueDiligenceActions => Set<DueDiligenceAction>();

    public DbSet<DueDiligenceActionIssue> DueDiligenceActionIssues => Set<DueDiligenceActionIssue>();

    public DbSet<TrackingIndicator> TrackingIndicators => Set<TrackingIndicator>();

    public DbSet<TrackingMeasurement> TrackingMeasurements => Set<TrackingMeasurement>();

    public DbSet<StakeholderEngagement> StakeholderEngagements => Set<StakeholderEngagement>();

    public DbSet<StakeholderEngagementParty> StakeholderEngagementParties => Set<StakeholderEngagementParty>();

    public DbSet<StakeholderEngagementIssue> StakeholderEngagementIssues => Set<StakeholderEngagementIssue>();
    // Transparency
    public DbSet<Features.Transparency.GovernmentRequest> GovernmentRequests => Set<Features.Transparency.GovernmentRequest>();

    public DbSet<Features.Transparency.GovernmentRequestAggregate> GovernmentRequestAggregates => Set<Features.Transparency.GovernmentRequestAggregate>();

    public DbSet<Features.Transparency.TransparencyReport> TransparencyReports => Set<Features.Transparency.TransparencyReport>();
    // Benchmark
    public DbSet<Features.Benchmark.BenchmarkEdition> BenchmarkEditions => Set<Features.Benchmark.BenchmarkEdition>();

    public DbSet<Features.Benchmark.BenchmarkEntry> BenchmarkEntries => Set<Features.Benchmark.BenchmarkEntry>();

    public DbSet<Features.Benchmark.BenchmarkIndicatorScore> BenchmarkIndicatorScores => Set<Features.Benchmark.BenchmarkIndicatorScore>();
    // Human rights reports
    public DbSet<Features.HumanRightsReports.HumanRightsReport> HumanRightsReports => Set<Features.HumanRightsReports.HumanRightsReport>();
    // Indicators
    public DbSet<Features.Indicators.IndicatorDataset> IndicatorDatasets => Set<Features.Indicators.IndicatorDataset>();

    public DbSet<Features.Indicators.IndicatorValue> IndicatorValues => Set<Features.Indicators.IndicatorValue>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<User>(user =>
        {
            user.ToTable("Users");
            user.Property(u => u.DisplayName).HasMaxLength(200);
        });
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("UserClaims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("UserLogins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("UserTokens");

        builder.Entity<Organization>(org =>
        {
            org.Property(o => o.Slug).HasMaxLength(Core.Organizations.OrganizationSlug.MaxLength);
            org.HasIndex(o => o.Slug).IsUnique();
            org.Property(o => o.Name).HasMaxLength(200);
            org.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
        });

        builder.Entity<Membership>(membership =>
        {
            membership.HasIndex(m => new { m.OrganizationId, m.UserId }).IsUnique();
            membership.HasIndex(m => m.UserId);
            membership.Property(m => m.Role).HasConversion<string>().HasMaxLength(32);
            membership.HasOne(m => m.Organization).WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
            membership.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Invitation>(invitation =>
        {
            invitation.Property(i => i.Email).HasMaxLength(256);
            invitation.Property(i => i.TokenHash).HasMaxLength(64);
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            invitation.Property(i => i.Role).HasConversion<string>().HasMaxLength(32);
            invitation.HasOne(i => i.Organization).WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AuditEntry>(entry =>
        {
            entry.Property(e => e.Chain).HasMaxLength(32);
            // The unique chain position is what makes concurrent appends safe across app instances (§9.12).
            entry.HasIndex(e => new { e.Chain, e.Sequence }).IsUnique();
            entry.HasIndex(e => new { e.OrganizationId, e.OccurredAt });
            entry.Property(e => e.Action).HasMaxLength(100);
            entry.Property(e => e.Actor).HasMaxLength(256);
            entry.Property(e => e.ActorId).HasMaxLength(64);
            entry.Property(e => e.TargetType).HasMaxLength(100);
            entry.Property(e => e.TargetId).HasMaxLength(100);
            entry.Property(e => e.Summary).HasMaxLength(2000);
            entry.Property(e => e.PreviousHash).HasMaxLength(64);
            entry.Property(e => e.Hash).HasMaxLength(64);
            entry.Property(e => e.Seal).HasMaxLength(64);
            // OrganizationId is nullable here (the system chain): without the explicit null test, EF's null
            // semantics would return the system chain's entries to a context that has no tenant.
            entry.HasQueryFilter(e => e.OrganizationId != null && e.OrganizationId == TenantId);
        });

        builder.Entity<OrganizationMethodology>(methodology =>
        {
            methodology.Property(m => m.Key).HasMaxLength(100);
            methodology.Property(m => m.Version).HasMaxLength(32);
            methodology.Property(m => m.FileName).HasMaxLength(260);
            methodology.Property(m => m.ContentHash).HasMaxLength(64);
            methodology.HasIndex(m => new { m.OrganizationId, m.Key, m.Version }).IsUnique();
            methodology.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ApiToken>(token =>
        {
            token.Property(t => t.Name).HasMaxLength(ApiToken.NameMaxLength);
            token.Property(t => t.Role).HasConversion<string>().HasMaxLength(32);
            token.Property(t => t.TokenPrefix).HasMaxLength(ApiTokenSecret.PrefixLength);
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasIndex(t => new { t.OrganizationId, t.CreatedAt });
            token.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Assessment>(assessment =>
        {
            assessment.Property(a => a.SubjectKind).HasConversion<string>().HasMaxLength(32);
            assessment.Property(a => a.SubjectName).HasMaxLength(Assessment.SubjectNameMaxLength);
            assessment.Property(a => a.Attributes).HasMaxLength(4000);
            assessment.Property(a => a.Services).HasMaxLength(4000);
            assessment.Property(a => a.MethodologyKey).HasMaxLength(100);
            assessment.Property(a => a.MethodologyVersion).HasMaxLength(32);
            assessment.Property(a => a.Status).HasConversion<string>().HasMaxLength(32);
            assessment.Property(a => a.ConcurrencyToken).IsConcurrencyToken();
            assessment.HasIndex(a => new { a.OrganizationId, a.UpdatedAt });
            // One re-assessment per approved assessment: two people starting one at once cannot both succeed. No foreign
            // key: on SQLite adding one rebuilds the table, and assessments are never deleted one by one.
            assessment.HasIndex(a => a.PreviousAssessmentId).IsUnique();
            // A company's assessments are looked up by company on every screening page; no foreign key, for the same reason.
            assessment.HasIndex(a => new { a.OrganizationId, a.CompanyId, a.Status });
            assessment.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AssessmentAnswer>(answer =>
        {
            answer.Property(a => a.ItemKey).HasMaxLength(100);
            answer.Property(a => a.Component).HasMaxLength(100);
            answer.Property(a => a.OptionKey).HasMaxLength(100);
            answer.Property(a => a.Note).HasMaxLength(AssessmentAnswer.NoteMaxLength);
            answer.HasIndex(a => new { a.AssessmentId, a.ItemKey, a.Component }).IsUnique();
            answer.HasOne<Assessment>().WithMany().HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Evidence>(evidence =>
        {
            evidence.Property(e => e.ItemKey).HasMaxLength(100);
            evidence.Property(e => e.SourceKind).HasConversion<string>().HasMaxLength(32);
            evidence.Property(e => e.Title).HasMaxLength(Features.Assessments.Evidence.TitleMaxLength);
            evidence.Property(e => e.Publisher).HasMaxLength(Features.Assessments.Evidence.PublisherMaxLength);
            evidence.Property(e => e.Url).HasMaxLength(Features.Assessments.Evidence.UrlMaxLength);
            evidence.Property(e => e.Excerpt).HasMaxLength(Features.Assessments.Evidence.ExcerptMaxLength);
            evidence.Property(e => e.Reliability).HasConversion<string>().HasMaxLength(32);
            evidence.HasIndex(e => new { e.AssessmentId, e.ItemKey });
            evidence.HasOne<Assessment>().WithMany().HasForeignKey(e => e.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SalientImpact>(impact =>
        {
            impact.Property(i => i.RightKey).HasMaxLength(100);
            impact.Property(i => i.Groups).HasMaxLength(2000);
            impact.Property(i => i.Involvement).HasConversion<string>().HasMaxLength(32);
            impact.Property(i => i.Description).HasMaxLength(SalientImpact.DescriptionMaxLength);
            impact.Ignore(i => i.GroupKeys);
            impact.HasIndex(i => i.AssessmentId);
            impact.HasOne<Assessment>().WithMany().HasForeignKey(i => i.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AssessmentComment>(comment =>
        {
            comment.Property(c => c.Body).HasMaxLength(AssessmentComment.BodyMaxLength);
            comment.HasIndex(c => new { c.AssessmentId, c.CreatedAt });
            comment.HasOne<Assessment>().WithMany().HasForeignKey(c => c.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        });
        RemedyModel.Configure(builder);
        CompanyModel.Configure(builder);
        Features.Decisions.DecisionModel.Configure(builder);
        PortfolioModel.Configure(builder);
        HrddModel.Configure(builder);
        HrddTrackingModel.Configure(builder);
        Features.Transparency.TransparencyModel.Configure(builder);
        Features.Benchmark.BenchmarkModel.Configure(builder);
        Features.HumanRightsReports.HumanRightsReportModel.Configure(builder);
        Features.Indicators.IndicatorsModel.Configure(builder);
        builder.Entity<JobLease>(lease =>
        {
            lease.HasKey(l => l.Name);
            lease.Property(l => l.Name).HasMaxLength(JobLease.NameMaxLength);
            lease.Property(l => l.Holder).HasMaxLength(JobLease.HolderMaxLength);
            lease.Property(l => l.LastOutcome).HasMaxLength(JobLease.OutcomeMaxLength);
        });
        EngagementsModel.Configure(builder);
        builder.Entity<Aggregates.AggregateStamp>(stamp =>
        {
            stamp.HasKey(s => new { s.OrganizationId, s.Area });
            stamp.Property(s => s.Area).HasMaxLength(Aggregates.AggregateStamp.AreaMaxLength);
        });

        ApplyTenantFilters(builder);
    }

    // Every ITenantOwned entity gets the same filter, so a new entity cannot forget it.
    private void ApplyTenantFilters(ModelBuilder builder)
    {
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            if (typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType))
            {
                var method = typeof(RightscopeDbContext)
                    .GetMethod(nameof(ApplyTenantFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                    .MakeGenericMethod(entityType.ClrType);
                method.Invoke(this, [builder]);
            }
        }
    }

    private void ApplyTenantFilter<TEntity>(ModelBuilder builder)
        where TEntity : class, ITenantOwned =>
        builder.Entity<TEntity>().HasQueryFilter(e => e.OrganizationId == TenantId);
}
