using Microsoft.EntityFrameworkCore;
using Rightscope.Features.Companies;
using Rightscope.Features.Organizations;

namespace Rightscope.Features.Portfolios;

/// <summary>EF configuration of portfolios, snapshots and holdings, kept in their slice.</summary>
public static class PortfolioModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Portfolio>(portfolio =>
        {
            portfolio.Property(p => p.Name).HasMaxLength(Portfolio.NameMaxLength);
            portfolio.Property(p => p.BaseCurrency).HasMaxLength(3);
            portfolio.Property(p => p.ColumnMapping).HasMaxLength(Portfolio.MappingMaxLength);
            portfolio.Property(p => p.ConcurrencyToken).IsConcurrencyToken();
            portfolio.HasIndex(p => new { p.OrganizationId, p.Name }).IsUnique();
            portfolio.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<HoldingsSnapshot>(snapshot =>
        {
            snapshot.Property(s => s.SourceFileName).HasMaxLength(HoldingsSnapshot.FileNameMaxLength);
            snapshot.Property(s => s.Fingerprint).HasMaxLength(64);
            snapshot.Property(s => s.ImportedBy).HasMaxLength(256);
            // One snapshot per date: two imports of the same date at once cannot both be written (§9.12).
            snapshot.HasIndex(s => new { s.PortfolioId, s.AsOf }).IsUnique();
            snapshot.HasOne<Portfolio>().WithMany().HasForeignKey(s => s.PortfolioId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Holding>(holding =>
        {
            holding.Property(h => h.Name).HasMaxLength(300);
            holding.Property(h => h.Isin).HasMaxLength(12);
            holding.Property(h => h.Lei).HasMaxLength(20);
            holding.Property(h => h.Ticker).HasMaxLength(32);
            holding.Property(h => h.Country).HasMaxLength(2);
            holding.Property(h => h.Currency).HasMaxLength(3);
            holding.HasIndex(h => new { h.SnapshotId, h.Line });
            holding.HasIndex(h => h.CompanyId);
            holding.HasOne<HoldingsSnapshot>().WithMany().HasForeignKey(h => h.SnapshotId).OnDelete(DeleteBehavior.Cascade);
            // A company deleted (or merged, later) leaves its holdings unmatched rather than deleting them.
            holding.HasOne<Company>().WithMany().HasForeignKey(h => h.CompanyId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<HoldingsUpload>(upload =>
        {
            upload.Property(u => u.FileName).HasMaxLength(HoldingsSnapshot.FileNameMaxLength);
            upload.HasIndex(u => u.ExpiresAt);
            upload.HasOne<Portfolio>().WithMany().HasForeignKey(u => u.PortfolioId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
