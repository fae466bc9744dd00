/** The ticket page's audit budgets holding two numbers (budget-ticket.ts). */
import { describeTicketBudgets } from './budget-ticket';

describeTicketBudgets('two');
