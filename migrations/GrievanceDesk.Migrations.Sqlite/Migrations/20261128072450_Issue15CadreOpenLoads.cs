using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrievanceDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue15CadreOpenLoads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CadreOpenLoads",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    CadreUserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OpenCases = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CadreOpenLoads", x => new { x.UnitId, x.CadreUserName });
                });

            GrievanceDesk.Infrastructure.Persistence.CadreOpenLoadBackfill.Apply(migrationBuilder); // hand-written SQL
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CadreOpenLoads");
        }
    }
}
