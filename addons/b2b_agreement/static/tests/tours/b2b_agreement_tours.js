/** @odoo-module **/
// Copyright 2026 Dealer B2B for Odoo contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import {registry} from "@web/core/registry";
import {waitUntil} from "@odoo/hoot-dom";

function noHorizontalScroll() {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) {
        throw new Error(
            `The page is wider than the screen: ${document.documentElement.scrollWidth} > ${width}`
        );
    }
}

registry.category("web_tour.tours").add("b2b_agreement_sign", {
    url: "/my",
    steps: () => [
        {
            content: "The home says the agreement waits for a signature",
            trigger: "#b2b_agreements_waiting a[name='b2b_agreement_waiting']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The agreement fits the screen",
            trigger: "#b2b_agreement_body",
            run: noHorizontalScroll,
        },
        {
            content: "Sign",
            trigger: "a#b2b_agreement_sign",
            run: "click",
        },
        {
            content: "Write the signer's name",
            trigger: ".modal .o_web_sign_name_and_signature input",
            run: "edit Pa Admin",
        },
        {
            content: "The dialog opens in Draw mode: the canvas is empty",
            trigger: ".modal .o_web_sign_draw_button.active",
        },
        {
            content: "Draw the signature on the canvas",
            trigger: ".modal canvas.o_web_sign_signature",
            async run(helpers) {
                const canvas = helpers.anchor;
                const box = canvas.getBoundingClientRect();
                const at = (x, y) => ({
                    bubbles: true,
                    cancelable: true,
                    pointerId: 1,
                    isPrimary: true,
                    buttons: 1,
                    clientX: box.left + x * box.width,
                    clientY: box.top + y * box.height,
                });
                canvas.dispatchEvent(new PointerEvent("pointerdown", at(0.1, 0.5)));
                canvas.dispatchEvent(new PointerEvent("pointermove", at(0.5, 0.3)));
                document.dispatchEvent(new PointerEvent("pointerup", at(0.9, 0.6)));
                await waitUntil(() => {
                    const context = canvas.getContext("2d");
                    const data = context.getImageData(0, 0, canvas.width, canvas.height);
                    return new Uint32Array(data.data.buffer).some((pixel) => pixel !== 0);
                });
            },
        },
        {
            content: "The dialog fits the screen",
            trigger: ".modal .o_portal_sign_submit:enabled",
            run: noHorizontalScroll,
        },
        {
            content: "Submit the signature",
            trigger: ".modal .o_portal_sign_submit:enabled",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Signed: thanks, signer and hash",
            trigger: "#b2b_agreement_signed_now",
        },
        {
            content: "The signer is shown",
            trigger: "#b2b_agreement_signed:contains('Pa Admin')",
            run: noHorizontalScroll,
        },
    ],
});
