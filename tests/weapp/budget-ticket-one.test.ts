/** The ticket page's audit budgets holding one number (budget-ticket.ts). */
import { describeTicketBudgets } from './budget-ticket';

describeTicketBudgets('one');
