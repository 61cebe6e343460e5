using Microsoft.EntityFrameworkCore;
using Rightscope.Features.Organizations;

namespace Rightscope.Features.Companies;

/// <summary>EF configuration of the company registry, kept in its slice.</summary>
public static class CompanyModel
{
    public static void Configure(ModelBuilder builder) =>
        builder.Entity<Company>(company =>
        {
            company.Property(c => c.NameEn).HasMaxLength(Company.NameMaxLength);
            company.Property(c => c.NameZhHans).HasMaxLength(Company.NameMaxLength);
            company.Property(c => c.NormalizedName).HasMaxLength(Company.NameMaxLength);
            company.Property(c => c.NormalizedAltName).HasMaxLength(Company.NameMaxLength);
            company.Property(c => c.Country).HasMaxLength(2);
            company.Property(c => c.Isin).HasMaxLength(12);
            company.Property(c => c.Lei).HasMaxLength(20);
            company.Property(c => c.Ticker).HasMaxLength(32);
            company.Property(c => c.Sector).HasMaxLength(Company.SectorMaxLength);
            company.Property(c => c.Technologies).HasMaxLength(2000);
            company.Property(c => c.Products).HasMaxLength(Company.ProductsMaxLength);
            company.Property(c => c.Website).HasMaxLength(Company.WebsiteMaxLength);
            company.Property(c => c.ConcurrencyToken).IsConcurrencyToken();
            company.Ignore(c => c.TechnologyKeys);
            // Unique when present: both providers treat NULLs as distinct in a unique index.
            company.HasIndex(c => new { c.OrganizationId, c.Isin }).IsUnique();
            company.HasIndex(c => new { c.OrganizationId, c.Lei }).IsUnique();

            // Across organizations (published benchmark scores of the same company, by identifier).
            company.HasIndex(c => c.Isin);
            company.HasIndex(c => c.Lei);
            company.HasIndex(c => new { c.OrganizationId, c.Ticker, c.Country });
            company.HasIndex(c => new { c.OrganizationId, c.NormalizedName });
            company.HasIndex(c => new { c.OrganizationId, c.NormalizedAltName });
            company.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });
}
