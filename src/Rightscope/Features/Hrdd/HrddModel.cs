using Microsoft.EntityFrameworkCore;
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
    }
}
