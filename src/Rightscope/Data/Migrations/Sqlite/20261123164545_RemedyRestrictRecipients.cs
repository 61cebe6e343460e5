using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rightscope.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RemedyRestrictRecipients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CaseRecipientEnvelopes_Users_UserId",
                table: "CaseRecipientEnvelopes");

            migrationBuilder.DropForeignKey(
                name: "FK_ChannelRecipients_Users_UserId",
                table: "ChannelRecipients");

            migrationBuilder.AddForeignKey(
                name: "FK_CaseRecipientEnvelopes_Users_UserId",
                table: "CaseRecipientEnvelopes",
                column: "UserId",
                principalTable: "Users",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ChannelRecipients_Users_UserId",
                table: "ChannelRecipients",
                column: "UserId",
                principalTable: "Users",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CaseRecipientEnvelopes_Users_UserId",
                table: "CaseRecipientEnvelopes");

            migrationBuilder.DropForeignKey(
                name: "FK_ChannelRecipients_Users_UserId",
                table: "ChannelRecipients");

            migrationBuilder.AddForeignKey(
                name: "FK_CaseRecipientEnvelopes_Users_UserId",
                table: "CaseRecipientEnvelopes",
                column: "UserId",
                principalTable: "Users",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ChannelRecipients_Users_UserId",
                table: "ChannelRecipients",
                column: "UserId",
                principalTable: "Users",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
