using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrievanceDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue15Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_UnitId_Status",
                table: "Cases");

            migrationBuilder.AddColumn<string>(
                name: "SearchTerms",
                table: "Cases",
                type: "TEXT",
                maxLength: 16000,
                nullable: true,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_UnitId_DueAtUtc",
                table: "Cases",
                columns: new[] { "UnitId", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_UnitId_RegisteredAtUtc",
                table: "Cases",
                columns: new[] { "UnitId", "RegisteredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_UnitId_Status_CadreUserName",
                table: "Cases",
                columns: new[] { "UnitId", "Status", "CadreUserName" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseComplainants_Name",
                table: "CaseComplainants",
                column: "Name");
            GrievanceDesk.Infrastructure.Search.CaseSearchSql.Apply(migrationBuilder, GrievanceDesk.Infrastructure.Search.CaseSearchSql.SqliteUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            GrievanceDesk.Infrastructure.Search.CaseSearchSql.Apply(migrationBuilder, GrievanceDesk.Infrastructure.Search.CaseSearchSql.SqliteDown);
            migrationBuilder.DropIndex(
                name: "IX_Cases_UnitId_DueAtUtc",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_UnitId_RegisteredAtUtc",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_UnitId_Status_CadreUserName",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_CaseComplainants_Name",
                table: "CaseComplainants");

            migrationBuilder.DropColumn(
                name: "SearchTerms",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_UnitId_Status",
                table: "Cases",
                columns: new[] { "UnitId", "Status" });
        }
    }
}
