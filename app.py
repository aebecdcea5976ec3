"""Entry point of the Shenzhen digital-economy policy explorer: the root URL opens the Overview.

Each page in pages/ (served at /<file stem>) draws the shell itself: explorer.ui.start_page / end_page.
"""

from explorer import ui

ui.open_default_page()
