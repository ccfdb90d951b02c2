import type { Page } from '@playwright/test';
import { test, expect, stored } from './fixtures';



test('an officer adds a regional comparator for a period, sees it in the table, and it is kept', async ({ app, page }) => {
  await app.open('#/indicators/children-looked-after');
  const form = page.getByTestId('comparator-form');
  const table = page.getByTestId('comparator-table');
  await expect(table.locator('tbody tr'), 'the two England averages the packs print').toHaveCount(2);

  await form.getByRole('button', { name: 'Save comparator' }).click();
  const summary = page.locator('#comparator-errors');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Choose whose figure this is: England, the region or statistical neighbours');
  await expect(summary).toContainText('Enter the figure as the pack prints it, for example 64.0');
  expect(await stored(page), 'a refused comparator saves nothing').toBeNull();
  await app.expectNoAxeViolations();

  await form.getByRole('radio', { name: 'Regional average' }).click();
  const region = form.getByLabel('Name of the region');
  await expect(region, 'the name the other indicators use').toHaveValue('North West');
  const period = form.getByLabel('Period (optional)');
  await period.click();
  await period.pressSequentially('Q9 2018/19');
  const figure = form.getByLabel('Figure', { exact: true });
  await expect(figure).toHaveAttribute('inputmode', 'decimal');
  await expect(figure).toHaveAttribute('autocomplete', 'off');
  await figure.click();
  await figure.pressSequentially('88.1');
  await form.getByRole('button', { name: 'Save comparator' }).click();
  await expect(page.locator('#comparator-period-error')).toContainText('“Q9 2018/19” is not a period Scrutineer recognises');
  await expect(period).toHaveAttribute('aria-invalid', 'true');
  expect(await stored(page), 'still nothing saved').toBeNull();

  await period.fill('');
  await period.pressSequentially('2018/19');
  await form.getByRole('button', { name: 'Save comparator' }).click();
  await expect(page.getByTestId('statuses')).toContainText('Saved the North West average (2018/19).');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  const added = table.locator('tbody tr').filter({ hasText: 'North West' });
  await expect(added.locator('th, td')).toHaveText(['Regional average', 'North West', '2018/19', '88.1', 'Remove']);
  await expect(page.getByRole('region', { name: 'Comparators' }), 'the page’s own list shows it too').toContainText('88.1');

  await page.reload();
  await expect(app.heading).toBeVisible();
  await expect(added.locator('th, td'), 'kept after a reload').toHaveText(['Regional average', 'North West', '2018/19', '88.1', 'Remove']);

  // The same kind and period again replaces it rather than adding another.
  await form.getByRole('radio', { name: 'Regional average' }).click();
  await period.click();
  await period.pressSequentially('2018/19');
  await figure.click();
  await figure.pressSequentially('88.4');
  await form.getByRole('button', { name: 'Save comparator' }).click();
  await expect(page.getByTestId('statuses')).toContainText('Saved the North West average (2018/19).');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(added.locator('td.numeric')).toHaveText('88.4');

  await table.getByRole('button', { name: 'Remove the North West average (2018/19)' }).click();
  await expect(page.getByTestId('statuses')).toContainText('Removed the North West average (2018/19).');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await page.getByTestId('statuses').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('statuses')).toContainText('Undone: Removed the North West average (2018/19).');
  await expect(added.locator('td.numeric')).toHaveText('88.4');
  await app.expectNoAxeViolations();
});

test('the amber tolerance is worked through as it is typed, as a percentage of the target', async ({ app, page }) => {
  await app.open('#/indicators/good-or-outstanding-settings');
  const form = page.getByTestId('indicator-form');
  const amber = form.getByLabel('Amber tolerance (% of the target)');
  const example = page.locator('#edit-amber_within-note');
  await expect(amber).toHaveValue('5');
  await expect(example, 'no target, so no example').toHaveText('');

  const target = form.getByLabel('Target (optional)');
  await target.click();
  await target.pressSequentially('90');
  await expect(example).toHaveText(
    'With a target of 90.0% and a tolerance of 5%: 90.0% or more is on track; from 85.5% up to 90.0% is slightly below; below 85.5% requires improvement.',
  );
  await expect(amber).toHaveAttribute('aria-describedby', /edit-amber_within-note/);

  await amber.fill('');
  await expect(example, 'no tolerance to work through').toHaveText('');
  await amber.pressSequentially('1');
  await expect(example).toHaveText(
    'With a target of 90.0% and a tolerance of 1%: 90.0% or more is on track; from 89.1% up to 90.0% is slightly below; below 89.1% requires improvement.',
  );
  await amber.pressSequentially('0');
  await expect(example).toHaveText(
    'With a target of 90.0% and a tolerance of 10%: 90.0% or more is on track; from 81.0% up to 90.0% is slightly below; below 81.0% requires improvement.',
  );
  expect(await stored(page), 'typing saves nothing').toBeNull();

  await form.getByRole('radio', { name: 'Close to the target either way' }).click();
  await expect(example, 'the green band is not given yet').toHaveText('');
  const green = form.getByLabel('Green band (% of the target)');
  await green.click();
  await green.pressSequentially('5');
  const goalPost =
    'With a target of 90.0%, green within 5% and amber within 10% of it: within 4.5 percentage points of the target either way (85.5% to 94.5%) is on track; within 9.0 percentage points of the target either way (81.0% to 99.0%) is slightly below; further away requires improvement.';
  await expect(example).toHaveText(goalPost);
  await app.expectNoAxeViolations();

  await form.getByRole('button', { name: 'Save indicator' }).click();
  await expect(page.getByTestId('statuses')).toContainText("Saved the indicator's details.");
  await expect(page.locator('#edit-amber_within-note'), 'the saved rule is worked through').toHaveText(goalPost);
  await expect(page.getByRole('row', { name: /^June 2019/ }), '89.8% is within 4.5 points of 90%').toContainText('On track/good');
});
