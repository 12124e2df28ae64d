using Studio.Core.SampleData.Customers;
using Studio.Core.SampleData.Products;
using Studio.Core.SampleData.Randomness;
using Studio.Core.SampleData.Segments;

namespace Studio.Core.SampleData.Events;

/// <summary>
/// Simulates one browsing session: a few product interactions, each a view that may continue down
/// the funnel (click, cart, purchase). Products follow the customer's category taste and the
/// segment's price preference, unless a pending trigger plants its target.
/// </summary>
internal sealed class SessionSimulator(
    IReadOnlyList<Product> products,
    ProductChooser chooser,
    TriggerPlan triggers,
    CustomerBehaviour behaviour,
    SeededRandom random,
    SeededRandom reinforcement)
{
    private const int GroceryCategory = 5;
    private const double ClickRate = 0.38;
    private const double CartRate = 0.38;
    private const double PurchaseRate = 0.5;
    private const double TriggeredClickRate = 0.6;
    private const double TriggeredCartRate = 0.5;
    private const double TriggeredPurchaseRate = 0.6;
    private const double MeanExtraInteractions = 2.0;

    /// <summary>Expected events per session at the base funnel rates (used to size the session rate).</summary>
    public static double ExpectedEventsPerSession =>
        (1 + MeanExtraInteractions) * (1 + ClickRate + (ClickRate * CartRate) + (ClickRate * CartRate * PurchaseRate));

    private long _sequence;

    /// <summary>Appends the session's events to <paramref name="buffer"/>; returns the end time in seconds.</summary>
    public long Simulate(Customer customer, int day, long startSeconds, List<EventRow> buffer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(buffer);
        var device = (byte)(random.Bernoulli(0.75) ? customer.PreferredDevice : random.NextInt(RetailVocabulary.Devices.Count));
        var interactions = 1 + random.Poisson(MeanExtraInteractions);
        var t = startSeconds;
        for (var k = 0; k < interactions; k++)
        {
            var (product, planted) = NextProduct(customer, day);
            t = Interact(customer, day, product, planted, device, t, buffer);
            t += 5 + (long)random.Exponential(45);
        }

        return t;
    }

    private (int Product, bool Planted) NextProduct(Customer customer, int day)
    {
        var c = customer.Index;
        var pending = behaviour.PendingTarget[c];
        var reinforce = 0.0;
        if (pending >= 0 && day <= behaviour.PendingUntilDay[c])
        {
            reinforce = behaviour.PendingReinforce[c];
            if (random.Bernoulli(behaviour.PendingStep[c]))
            {
                behaviour.ClearPending(c);
                return (pending, true);
            }

            if (--behaviour.PendingRemaining[c] <= 0)
            {
                behaviour.ClearPending(c);
            }
        }
        else if (pending >= 0)
        {
            behaviour.ClearPending(c);
        }

        var category = random.ChooseCumulative(customer.CategoryCumulative);
        var product = chooser.Choose(customer.Segment, category, random);
        if (product == behaviour.PendingTarget[c])
        {
            behaviour.ClearPending(c);
        }

        return (Reinforced(customer, product, pending, reinforce), false);
    }

    /// <summary>
    /// Swaps the drawn product for the pending target with the reinforcement chance, from its own stream. Only swaps
    /// that keep every later draw of the events stream: not for triggers (they would open a window) and not across the
    /// grocery boundary (grocery quantities take other draws). Only picks outside the segment's favourite categories
    /// are swapped, so the planted category taste keeps its share. The pending window itself is left as it was.
    /// </summary>
    private int Reinforced(Customer customer, int product, int pending, double reinforce)
    {
        if (reinforce <= 0 || product == pending || triggers.PairOf(product) is not null
            || SegmentCatalog.All[customer.Segment].FavouriteCategories.Contains(products[product].Category)
            || (products[product].Category == GroceryCategory) != (products[pending].Category == GroceryCategory))
        {
            return product;
        }

        return reinforcement.Bernoulli(reinforce) ? pending : product;
    }

    private long Interact(Customer customer, int day, int productIndex, bool planted, byte device, long t, List<EventRow> buffer)
    {
        var c = customer.Index;
        var product = products[productIndex];
        Add(buffer, t, c, productIndex, EventRow.View, device, 1, 0);
        if (random.Bernoulli(planted ? TriggeredClickRate : ClickRate))
        {
            t += 3 + (long)random.Exponential(20);
            Add(buffer, t, c, productIndex, EventRow.Click, device, 1, 0);
            if (random.Bernoulli(planted ? TriggeredCartRate : CartRate))
            {
                var quantity = (short)(product.Category == GroceryCategory ? 1 + random.Poisson(1.5) : random.Bernoulli(0.15) ? 2 : 1);
                t += 5 + (long)random.Exponential(60);
                Add(buffer, t, c, productIndex, EventRow.Cart, device, quantity, 0);
                if (random.Bernoulli(planted ? TriggeredPurchaseRate : PurchaseRate))
                {
                    t += 20 + (long)random.Exponential(90);
                    var revenue = Math.Round(product.Price * quantity, 2, MidpointRounding.AwayFromZero);
                    Add(buffer, t, c, productIndex, EventRow.Purchase, device, quantity, revenue);
                    behaviour.Purchases[c]++;
                    behaviour.LastPurchaseDay[c] = day;
                    behaviour.Spend[c] += revenue;
                }
            }
        }

        var pair = triggers.PairOf(productIndex);
        if (pair is not null)
        {
            behaviour.PendingTarget[c] = pair.Target;
            behaviour.PendingStep[c] = pair.StepProbability;
            behaviour.PendingReinforce[c] = pair.ReinforceProbability;
            behaviour.PendingRemaining[c] = TriggerPlan.WindowInteractions;
            behaviour.PendingUntilDay[c] = day + TriggerPlan.WindowDays;
        }

        return t;
    }

    private void Add(List<EventRow> buffer, long t, int customer, int product, byte type, byte device, short quantity, double revenue) =>
        buffer.Add(new EventRow(t, _sequence++, customer, product, type, device, quantity, revenue));
}
