using System.Linq.Expressions;

namespace GrievanceDesk.Application.Stats;

/// <summary>
/// Puts one expression inside another, so that a piece of a query (the group key of a dimension, the deadline a case
/// was held to at an instant) is written once and used by several queries, and EF Core still sees a single tree it
/// can translate to SQL: <c>((c, key) => new { key, … }).Inline(c => c.UnitId)</c> is <c>c => new { c.UnitId, … }</c>.
/// </summary>
internal static class ExpressionInliner
{
    public static Expression<Func<T, TResult>> Inline<T, TA, TResult>(
        this Expression<Func<T, TA, TResult>> body, Expression<Func<T, TA>> a)
    {
        var item = body.Parameters[0];
        return Expression.Lambda<Func<T, TResult>>(Replace(body.Body, body.Parameters[1], Apply(a, item)), item);
    }

    public static Expression<Func<T, TResult>> Inline<T, TA, TB, TResult>(
        this Expression<Func<T, TA, TB, TResult>> body, Expression<Func<T, TA>> a, Expression<Func<T, TB>> b)
    {
        var item = body.Parameters[0];
        var withA = Replace(body.Body, body.Parameters[1], Apply(a, item));
        return Expression.Lambda<Func<T, TResult>>(Replace(withA, body.Parameters[2], Apply(b, item)), item);
    }

    /// <summary><c>x => outer(inner(x))</c>: e.g. a key on a case, applied to the case of a (case, visit) pair.</summary>
    public static Expression<Func<T, TResult>> After<T, TMiddle, TResult>(this Expression<Func<TMiddle, TResult>> outer, Expression<Func<T, TMiddle>> inner) =>
        Expression.Lambda<Func<T, TResult>>(Apply(outer, inner.Body), inner.Parameters);

    /// <summary>The body of <paramref name="lambda"/> with its parameter replaced by <paramref name="argument"/>.</summary>
    private static Expression Apply(LambdaExpression lambda, Expression argument) => Replace(lambda.Body, lambda.Parameters[0], argument);

    private static Expression Replace(Expression tree, ParameterExpression parameter, Expression replacement) =>
        new Substitution(parameter, replacement).Visit(tree);

    private sealed class Substitution(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
