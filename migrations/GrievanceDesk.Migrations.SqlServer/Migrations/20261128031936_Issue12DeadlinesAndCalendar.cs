using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrievanceDesk.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue12DeadlinesAndCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsProvisional",
                table: "Holidays",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "AcceptStartedAtUtc",
                table: "Cases",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HandleStartedAtUtc",
                table: "Cases",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AppliedSeeds",
                columns: table => new
                {
                    Key = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    AppliedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppliedSeeds", x => x.Key);
                });

            GrievanceDesk.Infrastructure.Persistence.DeadlineBackfill.Apply(migrationBuilder); // hand-written SQL
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppliedSeeds");

            migrationBuilder.DropColumn(
                name: "IsProvisional",
                table: "Holidays");

            migrationBuilder.DropColumn(
                name: "AcceptStartedAtUtc",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "HandleStartedAtUtc",
                table: "Cases");
        }
    }
}
