using Microsoft.EntityFrameworkCore;
using Rightscope.Features.Assessments;
using Rightscope.Features.Organizations;

namespace Rightscope.Features.Hrdd;

/// <summary>EF configuration of the due diligence cycle's tables; the DbContext applies its tenant filters to them.</summary>
public static class HrddModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<SalientIssue>(issue =>
        {
            issue.Property(i => i.Title).HasMaxLength(SalientIssue.TitleMaxLength);
            issue.Property(i => i.RightKey).HasMaxLength(100);
            issue.Property(i => i.Groups).HasMaxLength(2000);
            issue.Property(i => i.Product).HasMaxLength(SalientIssue.ProductMaxLength);
            issue.Property(i => i.CountryCode).HasMaxLength(2);
            issue.Property(i => i.Involvement).HasConversion<string>().HasMaxLength(32);
            issue.Property(i => i.Description).HasMaxLength(SalientIssue.DescriptionMaxLength);
            issue.Property(i => i.Status).HasConversion<string>().HasMaxLength(32);
            issue.Property(i => i.ConcurrencyToken).IsConcurrencyToken();
            issue.Ignore(i => i.GroupKeys);
            issue.HasIndex(i => new { i.OrganizationId, i.Status });
            issue.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PolicyCommitment>(commitment =>
        {
            commitment.Property(c => c.Title).HasMaxLength(PolicyCommitment.TitleMaxLength);
            commitment.Property(c => c.PublicUrl).HasMaxLength(PolicyCommitment.UrlMaxLength);
            commitment.Property(c => c.Approver).HasMaxLength(PolicyCommitment.ApproverMaxLength);
            commitment.Property(c => c.ConcurrencyToken).IsConcurrencyToken();
            // One commitment per organization: two first saves at once cannot both win.
            commitment.HasIndex(c => c.OrganizationId).IsUnique();
            commitment.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PolicyCommitmentElement>(element =>
        {
            element.Property(e => e.Element).HasConversion<string>().HasMaxLength(32);
            element.Property(e => e.Status).HasConversion<string>().HasMaxLength(32);
            element.Property(e => e.Evidence).HasMaxLength(PolicyCommitmentElement.EvidenceMaxLength);
            element.Property(e => e.EvidenceUrl).HasMaxLength(PolicyCommitment.UrlMaxLength);
            element.HasIndex(e => new { e.CommitmentId, e.Element }).IsUnique();
            element.HasOne<PolicyCommitment>().WithMany().HasForeignKey(e => e.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<HriaProject>(project =>
        {
            project.Property(p => p.SubjectKind).HasConversion<string>().HasMaxLength(32);
            project.Property(p => p.SubjectName).HasMaxLength(HriaProject.SubjectNameMaxLength);
            project.Property(p => p.CountryCode).HasMaxLength(2);
            project.Property(p => p.Trigger).HasConversion<string>().HasMaxLength(40);
            project.Property(p => p.Stage).HasConversion<string>().HasMaxLength(32);
            project.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
            project.Property(p => p.Description).HasMaxLength(HriaProject.DescriptionMaxLength);
            project.Property(p => p.ConcurrencyToken).IsConcurrencyToken();
            project.HasIndex(p => new { p.OrganizationId, p.Status });
            project.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<HriaAssessment>(link =>
        {
            link.HasIndex(l => new { l.HriaProjectId, l.AssessmentId }).IsUnique();
            link.HasIndex(l => l.AssessmentId);
            link.HasOne<HriaProject>().WithMany().HasForeignKey(l => l.HriaProjectId).OnDelete(DeleteBehavior.Cascade);
            link.HasOne<Assessment>().WithMany().HasForeignKey(l => l.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
